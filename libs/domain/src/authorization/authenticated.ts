import { DomainError, ErrorCode } from '../errors';
import { type TenantCaller } from '../tenancy/tenant-caller';

/**
 * Refuses anonymous callers with 401 before anything is looked up, so that nobody learns without a token which
 * ids exist.
 */
export function requireAuthenticated(caller: TenantCaller): void {
  if (caller.kind === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
}
