import { orgOwnerPermissions } from '../authorization/permission';
import { anonymousCaller, type TenantCaller } from '../tenancy/tenant-caller';
import { bucketVisibility } from './bucket-visibility';

const O = '000000000000000a';
const BUCKET = '00000000000000b1';
const caller = (permissions: TenantCaller['permissions']): TenantCaller => ({
  ...anonymousCaller('1111111111111111'),
  kind: 'token',
  permissions,
});

describe('bucketVisibility', () => {
  it('keeps the org a permission names with a bucket id, so that a bucket of another org never matches', () => {
    const visibility = bucketVisibility(
      caller([{ action: 'read', resource: { type: 'buckets', id: BUCKET, orgID: O } }]),
    );
    expect(visibility).toEqual({ all: false, orgIds: [], buckets: [{ id: BUCKET, orgId: O }] });
  });

  it('lets a bucket id without org match in any org (only an operator can grant that)', () => {
    expect(bucketVisibility(caller([{ action: 'read', resource: { type: 'buckets', id: BUCKET } }])).buckets).toEqual([
      { id: BUCKET, orgId: null },
    ]);
  });

  it('reads org-wide and instance-wide grants, for the asked action only', () => {
    expect(bucketVisibility(caller(orgOwnerPermissions(O)), 'write')).toEqual({ all: false, orgIds: [O], buckets: [] });
    expect(bucketVisibility(caller([{ action: 'write', resource: { type: 'buckets' } }]), 'read').all).toBe(false);
    expect(bucketVisibility(caller([{ action: 'read', resource: { type: 'buckets' } }])).all).toBe(true);
  });
});
