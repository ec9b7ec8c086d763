import { ErrorCode } from '../../errors';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgOwnerOf } from '../../testing/callers';
import { InMemoryAuthorizationRepository } from '../../testing/in-memory-authorizations';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListAuthorizationsHandler } from './list-authorizations.handler';
import { type AuthorizationQueryFilter, ListAuthorizationsQuery } from './list-authorizations.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const GLOBEX = '00000000000000c2';
const ADA = { id: '00000000000000a1', name: 'Ada', status: 'active' } as const;
const BOB = { id: '00000000000000a2', name: 'bob', status: 'active' } as const;
// token ids: f1 ada@acme, f2 bob@acme, f3 ada@globex
const [F1, F2, F3] = ['00000000000000f1', '00000000000000f2', '00000000000000f3'];

describe(ListAuthorizationsHandler.name, () => {
  const users = new InMemoryUserRepository();
  [ADA, BOB].forEach((u) => users.put(INSTANCE, u));
  const orgs = new InMemoryOrgRepository(users);
  orgs.put(INSTANCE, { id: ACME, name: 'acme' });
  orgs.put(INSTANCE, { id: GLOBEX, name: 'globex' });
  const auths = new InMemoryAuthorizationRepository(orgs);
  auths.put({ instanceId: INSTANCE, id: F3, orgId: GLOBEX, userId: ADA.id });
  auths.put({ instanceId: INSTANCE, id: F1, orgId: ACME, userId: ADA.id });
  auths.put({ instanceId: INSTANCE, id: F2, orgId: ACME, userId: BOB.id });
  const handler = new ListAuthorizationsHandler(auths, orgs);
  const operator = operatorOf(INSTANCE, ADA);
  const list = async (caller: TenantCaller, filter: AuthorizationQueryFilter = {}) =>
    (await handler.execute(new ListAuthorizationsQuery(caller, filter))).map((a) => a.id);

  it('lists every token of the instance to an operator, in id order', async () => {
    expect(await list(operator)).toEqual([F1, F2, F3]);
  });

  it("lists to an org owner only its org's tokens", async () => {
    expect(await list(orgOwnerOf(INSTANCE, GLOBEX, BOB))).toEqual([F3]);
  });

  it('filters by user and org, by id or by name (a user name in any case)', async () => {
    expect(await list(operator, { userId: ADA.id })).toEqual([F1, F3]);
    expect(await list(operator, { userName: 'ada' })).toEqual([F1, F3]);
    expect(await list(operator, { orgId: ACME })).toEqual([F1, F2]);
    expect(await list(operator, { orgName: 'acme', userName: 'BOB' })).toEqual([F2]);
  });

  it('finds nothing when an id and a name name two different users or orgs', async () => {
    expect(await list(operator, { userId: ADA.id, userName: 'bob' })).toEqual([]);
    expect(await list(operator, { orgId: ACME, orgName: 'globex' })).toEqual([]);
    expect(await list(operator, { orgId: ACME, orgName: 'acme' })).toEqual([F1, F2]);
  });

  it('answers 404 for a user or org name nobody has, and 400 for malformed ids', async () => {
    await expect(list(operator, { userName: 'eve' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'user "eve" not found',
    });
    await expect(list(operator, { orgName: 'initech' })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'organization name "initech" not found',
    });
    await expect(list(operator, { userId: 'ada' })).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    await expect(list(operator, { orgId: 'acme' })).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });

  it('refuses anonymous callers with 401', async () => {
    await expect(list(anonymousCaller(INSTANCE))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });
});
