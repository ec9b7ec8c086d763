import {
  bucketMemberPermissions,
  operatorPermissions,
  orgMemberPermissions,
  orgOwnerPermissions,
  type Permission,
  permissionsFromRoles,
  RESOURCE_TYPES,
  selfPermissions,
  type UserRoles,
} from './permission';

const ORG = '0a0a0a0a0a0a0a0a';
const USER = '0b0b0b0b0b0b0b0b';
const BUCKET = '0c0c0c0c0c0c0c0c';
const OTHER_ORG = '0d0d0d0d0d0d0d0d';
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

describe('bucketMemberPermissions', () => {
  const resource = { type: 'buckets', id: BUCKET, orgID: ORG };

  it('lets a member read the bucket only', () => {
    expect(bucketMemberPermissions(BUCKET, ORG, 'member')).toEqual([{ action: 'read', resource }]);
  });

  it('lets an owner read and write the bucket', () => {
    expect(bucketMemberPermissions(BUCKET, ORG, 'owner')).toEqual([
      { action: 'read', resource },
      { action: 'write', resource },
    ]);
  });
});

describe('permissionsFromRoles', () => {
  const noRoles: UserRoles = { instanceOwner: false, orgs: [], buckets: [] };

  it('makes an instance owner an operator, whatever else it holds', () => {
    const roles: UserRoles = {
      instanceOwner: true,
      orgs: [{ orgId: ORG, role: 'member' }],
      buckets: [{ bucketId: BUCKET, orgId: ORG, role: 'member' }],
    };
    expect(permissionsFromRoles(USER, roles)).toEqual(operatorPermissions());
  });

  it('leaves a user with no role only itself', () => {
    expect(permissionsFromRoles(USER, noRoles)).toEqual(selfPermissions(USER));
  });

  it('adds each org by its role and each bucket by its role', () => {
    const roles: UserRoles = {
      instanceOwner: false,
      orgs: [
        { orgId: ORG, role: 'owner' },
        { orgId: OTHER_ORG, role: 'member' },
      ],
      buckets: [{ bucketId: BUCKET, orgId: OTHER_ORG, role: 'owner' }],
    };
    expect(permissionsFromRoles(USER, roles)).toEqual([
      ...selfPermissions(USER),
      ...orgOwnerPermissions(ORG),
      ...orgMemberPermissions(OTHER_ORG),
      ...bucketMemberPermissions(BUCKET, OTHER_ORG, 'owner'),
    ]);
    // a bucket owner in an org it merely belongs to may write that bucket, and no other bucket of the org
    const writes = permissionsFromRoles(USER, roles).filter(
      (p) => p.action === 'write' && p.resource.type === 'buckets' && p.resource.orgID === OTHER_ORG,
    );
    expect(writes).toEqual([{ action: 'write', resource: { type: 'buckets', id: BUCKET, orgID: OTHER_ORG } }]);
  });
});
