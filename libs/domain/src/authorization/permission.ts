import { type OrgRole } from '../orgs/org';
import { type BucketRole } from '../ports/bucket-member-repository.port';
import { type Id } from '../shared/id';

/** InfluxDB v2 resource types (contracts/influxdb/oss.yml, `Resource.type`). */
export const RESOURCE_TYPES = [
  'authorizations',
  'buckets',
  'dashboards',
  'orgs',
  'tasks',
  'telegrafs',
  'users',
  'variables',
  'secrets',
  'labels',
  'views',
  'documents',
  'notificationRules',
  'notificationEndpoints',
  'checks',
  'dbrp',
  'annotations',
  'sources',
  'scrapers',
  'notebooks',
  'remotes',
  'replications',
  'instance',
  'flows',
  'functions',
  'subscriptions',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];
export type PermissionAction = 'read' | 'write';

export interface Permission {
  readonly action: PermissionAction;
  readonly resource: { readonly type: ResourceType; readonly id?: Id; readonly orgID?: Id };
}

/** Read and write on every resource type of the instance: what InfluxDB calls an operator token. */
export function operatorPermissions(): Permission[] {
  return RESOURCE_TYPES.flatMap((type) =>
    (['read', 'write'] as const).map((action) => ({ action, resource: { type } })),
  );
}

/** What an org owner may do: read and write every resource type inside the org. */
export function orgOwnerPermissions(orgID: Id): Permission[] {
  return RESOURCE_TYPES.flatMap((type) =>
    (['read', 'write'] as const).map((action): Permission => ({ action, resource: { type, orgID } })),
  ).concat([
    { action: 'read', resource: { type: 'orgs', id: orgID } },
    { action: 'write', resource: { type: 'orgs', id: orgID } },
  ]);
}

/** What an org member may do: read the org and its resources. */
export function orgMemberPermissions(orgID: Id): Permission[] {
  return RESOURCE_TYPES.map((type): Permission => ({ action: 'read', resource: { type, orgID } })).concat([
    { action: 'read', resource: { type: 'orgs', id: orgID } },
  ]);
}

/** Every user may read and change itself. */
export function selfPermissions(userId: Id): Permission[] {
  return [
    { action: 'read', resource: { type: 'users', id: userId } },
    { action: 'write', resource: { type: 'users', id: userId } },
  ];
}

/** Bucket members may read the bucket; owners may also change and delete it. */
export function bucketMemberPermissions(bucketId: Id, orgID: Id, role: BucketRole): Permission[] {
  const resource = { type: 'buckets' as const, id: bucketId, orgID };
  return role === 'owner'
    ? [
        { action: 'read', resource },
        { action: 'write', resource },
      ]
    : [{ action: 'read', resource }];
}

/** What a user holds in its instance, as stored: the facts its permissions follow from. */
export interface UserRoles {
  readonly instanceOwner: boolean;
  readonly orgs: readonly { readonly orgId: Id; readonly role: OrgRole }[];
  readonly buckets: readonly { readonly bucketId: Id; readonly orgId: Id; readonly role: BucketRole }[];
}

/**
 * The permissions a user holds now (sessions and OAuth access tokens carry these, not a stored list): an instance
 * owner is an operator; anyone else may act on itself, in its orgs by role and on the buckets it is a member of.
 */
export function permissionsFromRoles(userId: Id, roles: UserRoles): Permission[] {
  if (roles.instanceOwner) return operatorPermissions();
  return [
    ...selfPermissions(userId),
    ...roles.orgs.flatMap((m) => (m.role === 'owner' ? orgOwnerPermissions(m.orgId) : orgMemberPermissions(m.orgId))),
    ...roles.buckets.flatMap((m) => bucketMemberPermissions(m.bucketId, m.orgId, m.role)),
  ];
}
