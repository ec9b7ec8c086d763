import { isAllowed, type RequestedResource } from '../authorization/authorize';
import { type Id } from '../shared/id';
import { type TenantCaller } from '../tenancy/tenant-caller';

/**
 * An org as a resource to authorize, as InfluxDB describes it (`NewPermissionAtID(id, action, orgs, id)`): so
 * `{type: orgs}`, `{type: orgs, id}` and `{type: orgs, orgID}` each cover it.
 */
export function orgResource(orgId: Id): RequestedResource {
  return { type: 'orgs', id: orgId, orgID: orgId };
}

/** Which orgs a caller may read: all of them, or the ids its permissions name (a list query filters on them). */
export function readableOrgIds(caller: TenantCaller): 'all' | Id[] {
  if (isAllowed(caller, 'read', { type: 'orgs' })) return 'all';
  const named = caller.permissions
    .filter((p) => p.action === 'read' && p.resource.type === 'orgs')
    .map((p) => p.resource.id ?? p.resource.orgID)
    .filter((id): id is Id => id !== undefined);
  return [...new Set(named)].filter((id) => isAllowed(caller, 'read', orgResource(id)));
}
