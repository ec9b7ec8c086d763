import { ErrorCode } from '../../errors';
import { type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { UpdateUserCommand } from './update-user.command';
import { UpdateUserHandler } from './update-user.handler';

const ADA = '00000000000000a1';
const operator: TenantCaller = { ...operatorToken, user: { id: '00000000000000a9', name: 'robot', status: 'active' } };

describe(UpdateUserHandler.name, () => {
  let users: InMemoryUserRepository;
  let handler: UpdateUserHandler;

  beforeEach(() => {
    users = new InMemoryUserRepository();
    handler = new UpdateUserHandler(users, new FixedClock());
    users.put(INSTANCE, { id: ADA, name: 'ada', status: 'active' });
  });

  it('records only what changed', async () => {
    const updated = await handler.execute(new UpdateUserCommand(operator, ADA, { name: 'ada', status: 'inactive' }));
    expect(updated).toEqual({ id: ADA, name: 'ada', status: 'inactive' });
    expect(users.events).toEqual([
      expect.objectContaining({ type: 'user.changed', payload: { status: 'inactive' }, resourceOwner: INSTANCE }),
    ]);
  });

  it('writes nothing when nothing changes', async () => {
    expect(await handler.execute(new UpdateUserCommand(operator, ADA, { name: 'ada' }))).toEqual({
      id: ADA,
      name: 'ada',
      status: 'active',
    });
    expect(await handler.execute(new UpdateUserCommand(operator, ADA, {}))).toEqual({
      id: ADA,
      name: 'ada',
      status: 'active',
    });
    expect(users.writes).toBe(0);
  });

  it('trims the new name', async () => {
    expect((await handler.execute(new UpdateUserCommand(operator, ADA, { name: '  lovelace ' }))).name).toBe(
      'lovelace',
    );
  });

  it.each([{ name: '' }, { name: '  ' }, { status: 'deleted' }])('refuses %p with 400', async (input) => {
    await expect(handler.execute(new UpdateUserCommand(operator, ADA, input))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
    expect(users.writes).toBe(0);
  });

  it('never deactivates the last active instance operator, and renames it freely', async () => {
    const orgs = new InMemoryOrgRepository(users);
    orgs.putOperator(INSTANCE, ADA);
    await expect(handler.execute(new UpdateUserCommand(operator, ADA, { status: 'inactive' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.Conflict }),
    );
    expect(await users.findById(INSTANCE, ADA)).toEqual({ id: ADA, name: 'ada', status: 'active' });
    expect((await handler.execute(new UpdateUserCommand(operator, ADA, { name: 'lovelace' }))).name).toBe('lovelace');
  });

  it('refuses a name another user has in any case with 409', async () => {
    users.put(INSTANCE, { id: '00000000000000a2', name: 'Bob', status: 'active' });
    await expect(handler.execute(new UpdateUserCommand(operator, ADA, { name: 'bob' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.Conflict }),
    );
    expect(users.writes).toBe(0);
  });
});
