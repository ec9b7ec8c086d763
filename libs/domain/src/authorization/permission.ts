import { Id } from '../shared/id';

/** InfluxDB v2 resource types (contracts/influxdb/oss.yml, `Resource.type`). */
export const RESOURCE_TYPES = [
  'authorizations', 'buckets', 'dashboards', 'orgs', 'tasks', 'telegrafs', 'users', 'variables', 'secrets',
  'labels', 'views', 'documents', 'notificationRules', 'notificationEndpoints', 'checks', 'dbrp', 'annotations',
  'sources', 'scrapers', 'notebooks', 'remotes', 'replications', 'instance', 'flows', 'functions', 'subscriptions',
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
