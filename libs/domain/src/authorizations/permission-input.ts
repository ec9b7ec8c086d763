import { type Permission, type PermissionAction, RESOURCE_TYPES, type ResourceType } from '../authorization/permission';
import { DomainError } from '../errors';
import { isId } from '../shared/id';

/** A permission as a request carries it, before it is checked. */
export interface PermissionInput {
  readonly action?: string;
  readonly resource?: { readonly type?: string; readonly id?: string; readonly orgID?: string };
}

const ACTIONS: readonly string[] = ['read', 'write'] satisfies PermissionAction[];

/** At least one permission; each with action read|write, a known resource type and well-formed ids. */
export function checkPermissions(input: readonly PermissionInput[] | undefined, field = 'permissions'): Permission[] {
  if (!input || input.length === 0) throw DomainError.invalidField(field, 'at least one permission is required');
  return input.map((p, i) => {
    const at = `${field}[${i}]`;
    if (!p.action || !ACTIONS.includes(p.action))
      throw DomainError.invalidField(`${at}.action`, 'must be read or write');
    const r = p.resource;
    if (!r?.type || !(RESOURCE_TYPES as readonly string[]).includes(r.type)) {
      throw DomainError.invalidField(`${at}.resource.type`, `must be one of ${RESOURCE_TYPES.join(', ')}`);
    }
    for (const key of ['id', 'orgID'] as const) {
      const value = r[key];
      if (value !== undefined && !isId(value))
        throw DomainError.invalidField(`${at}.resource.${key}`, 'must be 16 lowercase hex characters');
    }
    return {
      action: p.action as PermissionAction,
      resource: {
        type: r.type as ResourceType,
        ...(r.id !== undefined ? { id: r.id } : {}),
        ...(r.orgID !== undefined ? { orgID: r.orgID } : {}),
      },
    };
  });
}
