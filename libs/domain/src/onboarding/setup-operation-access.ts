import { type Operation, OperationKind } from '../operations/operation';
import { type TenantCaller } from '../tenancy/tenant-caller';

/** The credential a tenant caller acts with, as an operation records its requester; null for anonymous callers. */
export function requesterOf(caller: TenantCaller): string | null {
  if (caller.tokenId) return `token:${caller.tokenId}`;
  if (caller.sessionId) return `session:${caller.sessionId}`;
  return null;
}

/**
 * A setup operation holds names and ids of the new user and org: only its creator may read it, that is whoever holds
 * the claim returned with the 202 (`claimDigest`), or the token or session that started it. Everyone else, even an
 * operator of the same instance, must not learn that it exists.
 */
export function maySeeSetupOperation(operation: Operation, caller: TenantCaller, claimDigest: string | null): boolean {
  if (operation.instanceId !== caller.instanceId) return false;
  if (operation.kind !== OperationKind.SetupInstance && operation.kind !== OperationKind.SetupUser) return false;
  if (claimDigest !== null && operation.createdBy === claimDigest) return true;
  const requester = requesterOf(caller);
  return requester !== null && operation.requestedBy === requester;
}
