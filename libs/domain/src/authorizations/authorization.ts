import { type Permission } from '../authorization/permission';
import { DomainError } from '../errors';
import { type Id } from '../shared/id';

export type AuthorizationStatus = 'active' | 'inactive';

const AUTHORIZATION_STATUSES: readonly AuthorizationStatus[] = ['active', 'inactive'];

/** The DTO lets null through as "absent"; a status that is sent must be one of the two. */
export function checkAuthorizationStatus(value: unknown): AuthorizationStatus {
  if (!AUTHORIZATION_STATUSES.includes(value as AuthorizationStatus))
    throw DomainError.invalidField('status', 'must be "active" or "inactive"');
  return value as AuthorizationStatus;
}

/**
 * An InfluxDB authorization: a token of kind `authorization`, or a PAT (which InfluxDB clients see as one).
 * Sessions are never authorizations. The token itself is not kept, only its digest.
 */
export interface Authorization {
  readonly id: Id;
  readonly kind: 'authorization' | 'pat';
  readonly status: AuthorizationStatus;
  readonly description: string;
  readonly orgId: Id;
  readonly orgName: string;
  readonly userId: Id;
  readonly userName: string;
  readonly permissions: Permission[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A new authorization with the plaintext token, which its creator sees once. */
export interface CreatedAuthorization {
  readonly authorization: Authorization;
  readonly token: string;
}

export const AUTHORIZATION_NOT_FOUND = 'authorization not found';
