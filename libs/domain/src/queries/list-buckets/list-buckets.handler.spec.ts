import { type Permission } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, tokenCaller } from '../../testing/callers';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListBucketsHandler } from './list-buckets.handler';
import { type ListBucketsParams, ListBucketsQuery } from './list-buckets.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const GLOBEX = '00000000000000c2';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
// b1, b2 in acme; b3 in globex; b9 in another instance
const [B1, B2, B3] = ['00000000000000b1', '00000000000000b2', '00000000000000b3'];

describe(ListBucketsHandler.name, () => {
  const orgs = new InMemoryOrgRepository(new InMemoryUserRepository());
  orgs.put(INSTANCE, { id: ACME, name: 'acme' });
  orgs.put(INSTANCE, { id: GLOBEX, name: 'globex' });
  const buckets = new InMemoryBucketRepository(orgs);
  buckets.put(INSTANCE, { id: B2, orgId: ACME, name: 'metrics' });
  buckets.put(INSTANCE, { id: B1, orgId: ACME, name: '_tasks', type: 'system' });
  buckets.put(INSTANCE, { id: B3, orgId: GLOBEX, name: 'metrics' });
  buckets.put('00000000000000bb', { id: '00000000000000b9', orgId: ACME, name: 'metrics' });
  const handler = new ListBucketsHandler(buckets);
  const operator = operatorOf(INSTANCE, ADA);
  const list = async (caller: TenantCaller, params: Partial<ListBucketsParams> = {}) => {
    const page = await handler.execute(
      new ListBucketsQuery(caller, { descending: false, offset: 0, limit: 20, ...params }),
    );
    return { ids: page.buckets.map((b) => b.id), hasMore: page.hasMore };
  };

  it("lists the instance's buckets in id order, a page at a time", async () => {
    expect(await list(operator)).toEqual({ ids: [B1, B2, B3], hasMore: false });
    expect(await list(operator, { limit: 2 })).toEqual({ ids: [B1, B2], hasMore: true });
    expect(await list(operator, { limit: 2, after: B2 })).toEqual({ ids: [B3], hasMore: false });
    expect(await list(operator, { descending: true, limit: 1 })).toEqual({ ids: [B3], hasMore: true });
  });

  it("lists to an org's member only that org's buckets", async () => {
    expect(await list(orgMemberOf(INSTANCE, GLOBEX, ADA))).toEqual({ ids: [B3], hasMore: false });
  });

  it('lists a bucket a permission names only while it is in the org that permission names', async () => {
    const named = (orgID: string): Permission[] => [{ action: 'read', resource: { type: 'buckets', id: B3, orgID } }];
    expect(await list(tokenCaller(INSTANCE, ADA, named(GLOBEX)))).toEqual({ ids: [B3], hasMore: false });
    expect(await list(tokenCaller(INSTANCE, ADA, named(ACME)))).toEqual({ ids: [], hasMore: false });
  });

  it('filters by org name or id, and by name', async () => {
    expect((await list(operator, { org: 'acme' })).ids).toEqual([B1, B2]);
    expect((await list(operator, { orgID: GLOBEX, name: 'metrics' })).ids).toEqual([B3]);
    expect((await list(operator, { name: 'metrics' })).ids).toEqual([B2, B3]);
    expect((await list(operator, { id: B2 })).ids).toEqual([B2]);
  });

  it('answers 404 for an unknown org name, and for a name the named org has no bucket of', async () => {
    await expect(list(operator, { org: 'initech' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'organization name "initech" not found',
    });
    await expect(list(operator, { org: 'acme', name: 'logs' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'bucket "logs" not found',
    });
    expect(await list(operator, { name: 'logs' })).toEqual({ ids: [], hasMore: false });
  });

  it('finds nothing for malformed ids', async () => {
    for (const params of [{ orgID: 'acme' }, { id: 'b2' }, { after: 'b1' }]) {
      expect(await list(operator, params)).toEqual({ ids: [], hasMore: false });
    }
  });

  it('refuses anonymous callers with 401', async () => {
    await expect(list(anonymousCaller(INSTANCE))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });
});
