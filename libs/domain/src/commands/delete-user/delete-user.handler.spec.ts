import { selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgOwnerOf, tokenCaller } from '../../testing/callers';
import { type InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock } from '../../testing/in-memory-ports';
import { type InMemoryUserRepository } from '../../testing/in-memory-users';
import { ADA, BOB, givenOrg, INSTANCE, ORG, ROOT } from '../../testing/tenant-fixtures';
import { DeleteUserCommand } from './delete-user.command';
import { DeleteUserHandler } from './delete-user.handler';

describe(DeleteUserHandler.name, () => {
  let users: InMemoryUserRepository;
  let orgs: InMemoryOrgRepository;
  let handler: DeleteUserHandler;
  const operator = operatorOf(INSTANCE, ROOT);
  const remaining = () => users.rows.map((u) => u.name);

  beforeEach(() => {
    ({ users, orgs } = givenOrg(
      [ADA, BOB, ROOT],
      [
        [ADA.id, 'owner'],
        [BOB.id, 'member'],
      ],
    ));
    handler = new DeleteUserHandler(users, new FixedClock());
  });

  it('removes the user, its memberships with it, and records it by name', async () => {
    await handler.execute(new DeleteUserCommand(operator, BOB.id));
    expect(remaining()).toEqual(['ada', 'root']);
    expect(await orgs.listMembers(INSTANCE, ORG, 'member')).toEqual([]);
    expect(users.events).toEqual([
      expect.objectContaining({ type: 'user.removed', aggregateId: BOB.id, payload: { userName: 'bob' } }),
    ]);
  });

  it("refuses to remove an org's last owner with 409 naming the org, and allows it once another owner exists", async () => {
    await expect(handler.execute(new DeleteUserCommand(operator, ADA.id))).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: expect.stringContaining('user ada is the last owner of organization acme'),
    });
    expect(remaining()).toContain('ada');
    orgs.putMember(INSTANCE, ORG, ROOT.id, 'owner');
    await handler.execute(new DeleteUserCommand(operator, ADA.id));
    expect(remaining()).not.toContain('ada');
  });

  it('never removes the last active instance operator, itself included; an inactive one does not count', async () => {
    users.put(INSTANCE, { id: '00000000000000a8', name: 'sleepy', status: 'inactive' });
    orgs.putOperator(INSTANCE, '00000000000000a8');
    await expect(handler.execute(new DeleteUserCommand(operator, ROOT.id))).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: expect.stringContaining('last active instance operator'),
    });
    users.put(INSTANCE, { id: '00000000000000a7', name: 'second', status: 'active' });
    orgs.putOperator(INSTANCE, '00000000000000a7');
    await handler.execute(new DeleteUserCommand(operator, ROOT.id));
    expect(remaining()).not.toContain('root');
  });

  it('lets a user delete itself with its own permissions, but not another user', async () => {
    const bob = tokenCaller(INSTANCE, BOB, selfPermissions(BOB.id));
    await expect(handler.execute(new DeleteUserCommand(bob, ADA.id))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: `write:users/${ADA.id} is unauthorized`,
    });
    await handler.execute(new DeleteUserCommand(bob, BOB.id));
    expect(remaining()).toEqual(['ada', 'root']);
  });

  it('does not let org owners delete users: users belong to no org', async () => {
    await expect(handler.execute(new DeleteUserCommand(orgOwnerOf(INSTANCE, ORG, ADA), BOB.id))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
  });

  it.each([
    ['an unknown id', operator, '00000000000000ff', ErrorCode.NotFound],
    ['a malformed id', operator, 'bob', ErrorCode.NotFound],
    ['a user of another instance', operatorOf('00000000000000bb', ROOT), BOB.id, ErrorCode.NotFound],
    ['an anonymous caller', anonymousCaller(INSTANCE), BOB.id, ErrorCode.Unauthenticated],
  ])('refuses %s', async (_, caller, userId, code) => {
    await expect(handler.execute(new DeleteUserCommand(caller, userId))).rejects.toMatchObject({ code });
    expect(users.writes).toBe(0);
  });
});
