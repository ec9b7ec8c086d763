import { DomainError, ErrorCode } from '../errors';
import { type Id } from '../shared/id';
import { type TenantCaller } from '../tenancy/tenant-caller';
import { type Permission, type PermissionAction, type ResourceType } from './permission';

export interface RequestedResource {
  readonly type: ResourceType;
  readonly id?: Id;
  readonly orgID?: Id;
}

/**
 * InfluxDB's rule: a permission without id and orgID covers every resource of its type; with orgID it covers
 * that org's resources of the type; with id, that one resource. Write does not imply read.
 */
export function permits(permission: Permission, action: PermissionAction, resource: RequestedResource): boolean {
  const granted = permission.resource;
  if (permission.action !== action || granted.type !== resource.type) return false;
  if (granted.id !== undefined && granted.id !== resource.id) return false;
  if (granted.orgID !== undefined && granted.orgID !== resource.orgID) return false;
  return true;
}

export function isAllowed(caller: TenantCaller, action: PermissionAction, resource: RequestedResource): boolean {
  return caller.permissions.some((p) => permits(p, action, resource));
}

/** InfluxDB names a permission `read:orgs/<orgID>/buckets/<id>`. */
export function permissionName(action: PermissionAction, resource: RequestedResource): string {
  const path = resource.orgID ? `orgs/${resource.orgID}/${resource.type}` : resource.type;
  return `${action}:${path}${resource.id ? `/${resource.id}` : ''}`;
}

/** Throws 401 `unauthorized` naming the missing permission, as InfluxDB does. */
export function authorize(caller: TenantCaller, action: PermissionAction, resource: RequestedResource): void {
  if (caller.kind === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
  if (!isAllowed(caller, action, resource)) {
    throw new DomainError(ErrorCode.Unauthenticated, `${permissionName(action, resource)} is unauthorized`);
  }
}

/** True when every permission in `wanted` is covered by one the caller holds: a caller never grants more than it has. */
export function holdsAll(caller: TenantCaller, wanted: readonly Permission[]): boolean {
  return wanted.every((w) => isAllowed(caller, w.action, w.resource));
}
