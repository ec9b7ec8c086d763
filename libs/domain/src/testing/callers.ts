/** Tenant callers for unit specs (nothing in the app imports this file). */
import {
  operatorPermissions,
  orgMemberPermissions,
  orgOwnerPermissions,
  type Permission,
  selfPermissions,
} from '../authorization/permission';
import { type Id } from '../shared/id';
import { type CallerUser, type TenantCaller } from '../tenancy/tenant-caller';

/** A caller with a token (PAT or authorization) holding exactly `permissions`. */
export function tokenCaller(instanceId: Id, user: CallerUser | null, permissions: readonly Permission[]): TenantCaller {
  return { instanceId, kind: 'token', user, tokenId: 'f0f0f0f0f0f0f0f0', sessionId: null, permissions };
}

/** A signed-in user: a session carries what its user holds. */
export function sessionCaller(instanceId: Id, user: CallerUser, permissions: readonly Permission[]): TenantCaller {
  return { instanceId, kind: 'session', user, tokenId: null, sessionId: 'e0e0e0e0e0e0e0e0', permissions };
}

/** What the tenant auth gives an instance operator (instance owner). */
export const operatorOf = (instanceId: Id, user: CallerUser): TenantCaller =>
  tokenCaller(instanceId, user, [...operatorPermissions(), ...selfPermissions(user.id)]);

/** An owner of one org: its permissions on that org, plus itself. */
export const orgOwnerOf = (instanceId: Id, orgId: Id, user: CallerUser): TenantCaller =>
  tokenCaller(instanceId, user, [...orgOwnerPermissions(orgId), ...selfPermissions(user.id)]);

/** A member of one org: read on that org, plus itself. */
export const orgMemberOf = (instanceId: Id, orgId: Id, user: CallerUser): TenantCaller =>
  tokenCaller(instanceId, user, [...orgMemberPermissions(orgId), ...selfPermissions(user.id)]);
