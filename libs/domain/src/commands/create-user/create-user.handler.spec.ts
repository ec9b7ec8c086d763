import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgOwnerOf } from '../../testing/callers';
import { FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { CreateUserCommand } from './create-user.command';
import { CreateUserHandler } from './create-user.handler';

const INSTANCE = '00000000000000aa';
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;

describe(CreateUserHandler.name, () => {
  let users: InMemoryUserRepository;
  let handler: CreateUserHandler;
  const operator = operatorOf(INSTANCE, ROOT);

  beforeEach(() => {
    users = new InMemoryUserRepository();
    users.put(INSTANCE, ROOT);
    handler = new CreateUserHandler(users, new SequentialIdGenerator(), new FixedClock());
  });

  it('creates an active user by default, with a trimmed name, and records it', async () => {
    expect(await handler.execute(new CreateUserCommand(operator, { name: ' ada ' }))).toEqual({
      id: '0000000000000001',
      name: 'ada',
      status: 'active',
    });
    expect(await users.findById(INSTANCE, '0000000000000001')).toEqual({
      id: '0000000000000001',
      name: 'ada',
      status: 'active',
    });
    expect(users.events).toEqual([
      expect.objectContaining({ type: 'user.human.added', payload: { userName: 'ada', status: 'active' } }),
    ]);
  });

  it('creates an inactive user when asked', async () => {
    expect((await handler.execute(new CreateUserCommand(operator, { name: 'ada', status: 'inactive' }))).status).toBe(
      'inactive',
    );
  });

  it('refuses a name taken in any case with 409', async () => {
    await expect(handler.execute(new CreateUserCommand(operator, { name: 'ROOT' }))).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    expect(users.rows).toHaveLength(1);
  });

  it.each([{}, { name: '  ' }, { name: 'x'.repeat(201) }, { name: 'ada', status: 'deleted' }])(
    'refuses %p with 400',
    async (input) => {
      await expect(handler.execute(new CreateUserCommand(operator, input))).rejects.toMatchObject({
        code: ErrorCode.InvalidArgument,
      });
      expect(users.writes).toBe(0);
    },
  );

  it('needs write on every user: an org owner and an anonymous caller are refused with 401', async () => {
    await expect(
      handler.execute(new CreateUserCommand(orgOwnerOf(INSTANCE, '00000000000000c1', ROOT), { name: 'ada' })),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated, message: 'write:users is unauthorized' });
    await expect(
      handler.execute(new CreateUserCommand(anonymousCaller(INSTANCE), { name: 'ada' })),
    ).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
    expect(users.writes).toBe(0);
  });
});
