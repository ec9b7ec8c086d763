import { selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, sessionCaller } from '../../testing/callers';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { GetUserHandler } from './get-user.handler';
import { GetUserQuery } from './get-user.query';

const INSTANCE = '00000000000000aa';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const BOB = { id: '00000000000000a2', name: 'bob', status: 'inactive' } as const;

describe(GetUserHandler.name, () => {
  const users = new InMemoryUserRepository();
  users.put(INSTANCE, ADA);
  users.put(INSTANCE, BOB);
  const handler = new GetUserHandler(users);
  const ada = sessionCaller(INSTANCE, ADA, selfPermissions(ADA.id));

  it('shows an operator any user, and a user itself', async () => {
    expect(await handler.execute(new GetUserQuery(operatorOf(INSTANCE, ADA), BOB.id))).toEqual(BOB);
    expect(await handler.execute(new GetUserQuery(ada, ADA.id))).toEqual(ADA);
  });

  it('answers 401 naming the permission for another user the caller may not read', async () => {
    await expect(handler.execute(new GetUserQuery(ada, BOB.id))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: `read:users/${BOB.id} is unauthorized`,
    });
  });

  it('answers 404 alike for unknown, malformed and other instances’ ids, and 401 to anonymous callers', async () => {
    for (const [caller, id] of [
      [operatorOf(INSTANCE, ADA), '00000000000000ff'],
      [operatorOf(INSTANCE, ADA), 'ada'],
      [operatorOf('00000000000000bb', ADA), ADA.id],
    ] as const) {
      await expect(handler.execute(new GetUserQuery(caller, id))).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: 'user not found',
      });
    }
    await expect(handler.execute(new GetUserQuery(anonymousCaller(INSTANCE), ADA.id))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
  });
});
