import { type PermissionAction } from '../authorization/permission';
import { type BucketVisibility } from '../ports/bucket-repository.port';
import { type TenantCaller } from '../tenancy/tenant-caller';

/**
 * Turns the caller's `buckets` permissions into the scope a listing query filters by. A permission that names a
 * bucket and an org covers that bucket only while it is in that org: one that names another org's bucket grants
 * nothing, whenever it was stored.
 */
export function bucketVisibility(caller: TenantCaller, action: PermissionAction = 'read'): BucketVisibility {
  const granted = caller.permissions.filter((p) => p.action === action && p.resource.type === 'buckets');
  return {
    all: granted.some((p) => p.resource.id === undefined && p.resource.orgID === undefined),
    orgIds: granted
      .filter((p) => p.resource.id === undefined && p.resource.orgID !== undefined)
      .map((p) => p.resource.orgID!),
    buckets: granted
      .filter((p) => p.resource.id !== undefined)
      .map((p) => ({ id: p.resource.id!, orgId: p.resource.orgID ?? null })),
  };
}
