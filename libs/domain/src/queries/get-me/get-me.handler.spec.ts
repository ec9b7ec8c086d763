import { selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { sessionCaller, tokenCaller } from '../../testing/callers';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { GetMeHandler } from './get-me.handler';
import { GetMeQuery } from './get-me.query';

const INSTANCE = '00000000000000aa';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;

describe(GetMeHandler.name, () => {
  let users: InMemoryUserRepository;
  let handler: GetMeHandler;

  beforeEach(() => {
    users = new InMemoryUserRepository();
    users.put(INSTANCE, { ...ADA, name: 'ada lovelace' });
    handler = new GetMeHandler(users);
  });

  it("answers the caller's user as stored now, not as the credential saw it", async () => {
    expect(await handler.execute(new GetMeQuery(sessionCaller(INSTANCE, ADA, selfPermissions(ADA.id))))).toEqual({
      ...ADA,
      name: 'ada lovelace',
    });
  });

  it('answers 401 when the user is gone, the token has no user, or nobody signed in', async () => {
    for (const caller of [
      sessionCaller(INSTANCE, { ...ADA, id: '00000000000000ff' }, []),
      tokenCaller(INSTANCE, null, []),
      anonymousCaller(INSTANCE),
    ]) {
      await expect(handler.execute(new GetMeQuery(caller))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'unauthorized access',
      });
    }
  });
});
