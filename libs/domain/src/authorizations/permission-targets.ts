import { type Permission, type ResourceType } from '../authorization/permission';
import { DomainError } from '../errors';
import { type Id } from '../shared/id';

/** A resource a permission names by id. */
export interface ResourceRef {
  readonly type: ResourceType;
  readonly id: Id;
}

/**
 * Where the named resources are, as found: `type/id` → the org the resource belongs to (an org belongs to itself),
 * or null for a resource outside every org (a user). A resource that does not exist in the instance is absent.
 */
export type ResourceOrgs = ReadonlyMap<string, Id | null>;

export const resourceKey = (ref: ResourceRef): string => `${ref.type}/${ref.id}`;

/** The resources that `permissions` name by id, each once. */
export function namedResources(permissions: readonly Permission[]): ResourceRef[] {
  const refs = permissions
    .filter((p) => p.resource.id !== undefined)
    .map((p) => ({ type: p.resource.type, id: p.resource.id! }));
  return [...new Map(refs.map((r) => [resourceKey(r), r])).values()];
}

/**
 * A permission may only name a resource of the org it is scoped to: its own `orgID`, else the authorization's org.
 * Users belong to no org and only need to exist. Otherwise the owner of one org could write a permission for another
 * org's bucket under its own orgID, which its own org-wide grant seems to cover. The message is the same whether the
 * resource is missing or in another org, so that it tells nothing about other orgs.
 */
export function checkPermissionTargets(
  permissions: readonly Permission[],
  authorizationOrgId: Id,
  found: ResourceOrgs,
  field = 'permissions',
): void {
  permissions.forEach((p, i) => {
    const { type, id, orgID } = p.resource;
    if (id === undefined) return;
    const key = resourceKey({ type, id });
    const owner = found.get(key);
    if (found.has(key) && owner === null && type === 'users') return;
    const scope = orgID ?? authorizationOrgId;
    if (owner !== scope) {
      throw DomainError.invalidField(
        `${field}[${i}].resource.id`,
        `must name an existing ${type} resource of organization ${scope}`,
      );
    }
  });
}
