import { type ObjectDetails } from '../operations/operation';
import { type Id } from '../shared/id';

/** An instance owner (the tenant API's instance operator), as ZITADEL's ListIAMMembers shows it. */
export interface InstanceMemberView {
  readonly userId: Id;
  readonly userName: string;
  readonly displayName: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly kind: 'human' | 'machine';
  readonly roles: readonly string[];
  readonly details: ObjectDetails;
}

export abstract class InstanceMemberRepository {
  /** Every owner of the instance, oldest membership first. */
  abstract owners(instanceId: Id): Promise<InstanceMemberView[]>;
}
