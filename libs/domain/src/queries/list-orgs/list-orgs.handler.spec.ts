import { ErrorCode } from '../../errors';
import { type PageRequest } from '../../orgs/org';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListOrgsHandler } from './list-orgs.handler';
import { ListOrgsQuery, type OrgQueryFilter } from './list-orgs.query';

const INSTANCE = '00000000000000aa';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const ids = ['00000000000000c1', '00000000000000c2', '00000000000000c3'];
const page: PageRequest = { offset: 0, limit: 20, descending: false };

describe(ListOrgsHandler.name, () => {
  const users = new InMemoryUserRepository();
  users.put(INSTANCE, ADA);
  const orgs = new InMemoryOrgRepository(users);
  ids.forEach((id, i) => orgs.put(INSTANCE, { id, name: `org${i}` }));
  orgs.put('00000000000000bb', { id: '00000000000000c9', name: 'org0' });
  orgs.putMember(INSTANCE, ids[1], ADA.id, 'member');
  const handler = new ListOrgsHandler(orgs);
  const operator = operatorOf(INSTANCE, ADA);
  const list = async (caller: TenantCaller, filter: OrgQueryFilter = {}, p: Partial<PageRequest> = {}) => {
    const result = await handler.execute(new ListOrgsQuery(caller, filter, { ...page, ...p }));
    return { ids: result.orgs.map((o) => o.id), hasMore: result.hasMore };
  };

  it("lists the instance's orgs in id order, a page at a time, saying whether more follow", async () => {
    expect(await list(operator)).toEqual({ ids, hasMore: false });
    expect(await list(operator, {}, { limit: 2 })).toEqual({ ids: ids.slice(0, 2), hasMore: true });
    expect(await list(operator, {}, { offset: 2, limit: 2 })).toEqual({ ids: ids.slice(2), hasMore: false });
    expect(await list(operator, {}, { descending: true, limit: 1 })).toEqual({ ids: [ids[2]], hasMore: true });
  });

  it('lists only the orgs the caller may read', async () => {
    expect(await list(orgMemberOf(INSTANCE, ids[2], ADA))).toEqual({ ids: [ids[2]], hasMore: false });
  });

  it("filters by a user's memberships", async () => {
    expect(await list(operator, { userId: ADA.id })).toEqual({ ids: [ids[1]], hasMore: false });
  });

  it('answers 404 for a name or id no org has, and an empty list for one the caller may not read', async () => {
    await expect(list(operator, { name: 'nope' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'organization name "nope" not found',
    });
    await expect(list(operator, { id: '00000000000000ff' })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(await list(orgMemberOf(INSTANCE, ids[2], ADA), { name: 'org0' })).toEqual({ ids: [], hasMore: false });
    expect(await list(operator, { name: 'org0' })).toEqual({ ids: [ids[0]], hasMore: false });
  });

  it('refuses a malformed user id with 400 and anonymous callers with 401', async () => {
    await expect(list(operator, { userId: 'ada' })).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    await expect(list(anonymousCaller(INSTANCE))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });
});
