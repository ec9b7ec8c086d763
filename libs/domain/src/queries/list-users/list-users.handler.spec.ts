import { operatorPermissions, orgOwnerPermissions, selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListUsersHandler } from './list-users.handler';
import { ListUsersQuery } from './list-users.query';

const INSTANCE = '00000000000000aa';
const ids = ['00000000000000a1', '00000000000000a2', '00000000000000a3'];
const page = { offset: 0, limit: 20 };
const caller = (permissions: TenantCaller['permissions']): TenantCaller => ({
  instanceId: INSTANCE,
  kind: 'session',
  user: { id: ids[0], name: 'u0', status: 'active' },
  tokenId: null,
  sessionId: '00000000000000e1',
  permissions,
});

describe(ListUsersHandler.name, () => {
  let users: InMemoryUserRepository;
  let handler: ListUsersHandler;
  const list = async (c: TenantCaller, params: Partial<ListUsersQuery['params']> = {}) =>
    (await handler.execute(new ListUsersQuery(c, { ...page, ...params }))).map((u) => u.id);

  beforeEach(() => {
    users = new InMemoryUserRepository();
    handler = new ListUsersHandler(users);
    ids.forEach((id, i) => users.put(INSTANCE, { id, name: `u${i}`, status: 'active' }));
    users.put('00000000000000bb', { id: '00000000000000b1', name: 'u0', status: 'active' });
  });

  it("lists every user of the caller's instance to an operator, and none of another instance", async () => {
    expect(await list(caller(operatorPermissions()))).toEqual(ids);
  });

  it('lists only itself to a user with its own permissions', async () => {
    expect(await list(caller(selfPermissions(ids[0])))).toEqual([ids[0]]);
  });

  it('does not count org-scoped users permissions: users belong to no org', async () => {
    expect(await list(caller(orgOwnerPermissions('00000000000000c1')))).toEqual([]);
  });

  it('finds nothing for a malformed id or cursor', async () => {
    expect(await list(caller(operatorPermissions()), { id: 'nope' })).toEqual([]);
    expect(await list(caller(operatorPermissions()), { after: 'nope' })).toEqual([]);
  });

  it('refuses anonymous callers with 401', async () => {
    await expect(handler.execute(new ListUsersQuery(anonymousCaller(INSTANCE), page))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.Unauthenticated }),
    );
  });
});
