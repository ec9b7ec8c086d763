import { isAllowed } from '../authorization/authorize';
import {
  operatorPermissions,
  orgMemberPermissions,
  orgOwnerPermissions,
  type Permission,
} from '../authorization/permission';
import { type TenantCaller } from '../tenancy/tenant-caller';
import { orgResource, readableOrgIds } from './org-access';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

function caller(permissions: Permission[]): TenantCaller {
  return { instanceId: '0000000000000001', kind: 'token', user: null, tokenId: null, sessionId: null, permissions };
}

describe('orgResource', () => {
  it.each<[string, Permission]>([
    ['every org', { action: 'read', resource: { type: 'orgs' } }],
    ['the org by id', { action: 'read', resource: { type: 'orgs', id: A } }],
    ["the org's own resources of type orgs", { action: 'read', resource: { type: 'orgs', orgID: A } }],
  ])('is covered by a permission on %s, as InfluxDB does', (_, permission) => {
    expect(isAllowed(caller([permission]), 'read', orgResource(A))).toBe(true);
    expect(isAllowed(caller([permission]), 'write', orgResource(A))).toBe(false);
  });

  it('is not covered by a permission on another org', () => {
    expect(isAllowed(caller([{ action: 'read', resource: { type: 'orgs', id: B } }]), 'read', orgResource(A))).toBe(
      false,
    );
  });
});

describe('readableOrgIds', () => {
  it('is every org for an operator', () => {
    expect(readableOrgIds(caller(operatorPermissions()))).toBe('all');
  });

  it('is the orgs a caller owns or belongs to', () => {
    const ids = readableOrgIds(caller([...orgOwnerPermissions(A), ...orgMemberPermissions(B)]));
    expect(ids === 'all' ? ids : [...ids].sort()).toEqual([A, B]);
  });

  it('ignores write-only and other types of permission', () => {
    const permissions: Permission[] = [
      { action: 'write', resource: { type: 'orgs', id: A } },
      { action: 'read', resource: { type: 'buckets', orgID: B } },
    ];
    expect(readableOrgIds(caller(permissions))).toEqual([]);
  });

  it('drops a permission whose id and orgID disagree, which covers no org', () => {
    expect(readableOrgIds(caller([{ action: 'read', resource: { type: 'orgs', id: A, orgID: B } }]))).toEqual([]);
  });
});
