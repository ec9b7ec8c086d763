import { type Permission } from '../authorization/permission';
import { type Id } from '../shared/id';

/** What an onboarding created, without the token (which is sealed apart). Dates are RFC 3339 strings. */
export interface OnboardingOutcome {
  readonly user: { readonly id: Id; readonly name: string; readonly status: 'active' };
  readonly org: {
    readonly id: Id;
    readonly name: string;
    readonly description: string;
    readonly createdAt: string;
    readonly updatedAt: string;
  };
  readonly bucket: {
    readonly id: Id;
    readonly orgID: Id;
    readonly name: string;
    readonly retentionSeconds: number;
    readonly shardGroupDurationSeconds: number;
    readonly createdAt: string;
    readonly updatedAt: string;
  };
  readonly auth: {
    readonly id: Id;
    readonly orgID: Id;
    readonly userID: Id;
    readonly description: string;
    readonly permissions: Permission[];
    readonly createdAt: string;
    readonly updatedAt: string;
  };
}

export interface OnboardingSecretsOut {
  readonly token: string;
}
