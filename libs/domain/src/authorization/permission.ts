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
