import {
  operatorPermissions,
  orgMemberPermissions,
  orgOwnerPermissions,
  type Permission,
  RESOURCE_TYPES,
  selfPermissions,
} from './permission';

const ORG = '0a0a0a0a0a0a0a0a';
const USER = '0b0b0b0b0b0b0b0b';
const key = (p: Permission): string =>
  `${p.action}:${p.resource.type}:${p.resource.id ?? ''}:${p.resource.orgID ?? ''}`;

describe('operatorPermissions', () => {
  it('grants read and write on every resource type, unscoped', () => {
    const permissions = operatorPermissions();
    expect(permissions).toHaveLength(RESOURCE_TYPES.length * 2);
    for (const type of RESOURCE_TYPES) {
      expect(permissions).toContainEqual({ action: 'read', resource: { type } });
      expect(permissions).toContainEqual({ action: 'write', resource: { type } });
    }
    expect(permissions.every((p) => p.resource.id === undefined && p.resource.orgID === undefined)).toBe(true);
  });

  it('has no duplicates', () => {
    const keys = operatorPermissions().map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers the resource types an InfluxDB operator token has', () => {
    expect(RESOURCE_TYPES).toEqual(
      expect.arrayContaining(['authorizations', 'buckets', 'orgs', 'users', 'tasks', 'instance', 'dbrp']),
    );
  });
});

describe('orgOwnerPermissions', () => {
  it('grants read and write on every type inside the org, and on the org itself', () => {
    const permissions = orgOwnerPermissions(ORG);
    expect(permissions).toHaveLength(RESOURCE_TYPES.length * 2 + 2);
    expect(permissions).toContainEqual({ action: 'write', resource: { type: 'buckets', orgID: ORG } });
    expect(permissions).toContainEqual({ action: 'read', resource: { type: 'orgs', id: ORG } });
    expect(permissions).toContainEqual({ action: 'write', resource: { type: 'orgs', id: ORG } });
    expect(permissions.some((p) => p.resource.id === undefined && p.resource.orgID === undefined)).toBe(false);
  });
});

describe('orgMemberPermissions', () => {
  it('grants only read, inside the org and on the org', () => {
    const permissions = orgMemberPermissions(ORG);
    expect(permissions).toHaveLength(RESOURCE_TYPES.length + 1);
    expect(permissions.every((p) => p.action === 'read')).toBe(true);
    expect(permissions).toContainEqual({ action: 'read', resource: { type: 'orgs', id: ORG } });
    expect(permissions.every((p) => p.resource.orgID === ORG || p.resource.id === ORG)).toBe(true);
  });
});

describe('selfPermissions', () => {
  it('lets a user read and write itself only', () => {
    expect(selfPermissions(USER)).toEqual([
      { action: 'read', resource: { type: 'users', id: USER } },
      { action: 'write', resource: { type: 'users', id: USER } },
    ]);
  });
});
