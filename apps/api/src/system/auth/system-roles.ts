import { DomainError, ErrorCode } from '@app/domain';
import type { SystemUserRole } from '@app/infrastructure';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** POST calls that only read (ZITADEL's list and existence checks). */
const READ_ONLY_POST = /\/_(search|exists)\/*$/;

/** Refuses (403) a change to a role that may only read: SYSTEM_OWNER may do anything, SYSTEM_OWNER_VIEWER may only read. */
export function assertRoleMayChange(role: SystemUserRole): void {
  if (role === 'SYSTEM_OWNER') return;
  throw new DomainError(ErrorCode.PermissionDenied, `the role ${role} may not change anything`);
}

/** Refuses (403) what a system user's role does not allow, by the HTTP method and path of a REST call. */
export function assertRoleAllows(role: SystemUserRole, method: string, path: string): void {
  const verb = method.toUpperCase();
  if (READ_METHODS.has(verb) || (verb === 'POST' && READ_ONLY_POST.test(path))) return;
  assertRoleMayChange(role);
}
