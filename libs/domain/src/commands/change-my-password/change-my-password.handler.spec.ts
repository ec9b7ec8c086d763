import { selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { sessionCaller, tokenCaller } from '../../testing/callers';
import { InMemoryPasswordAttemptLimiter } from '../../testing/in-memory-password-attempt-limiter';
import { FakePasswordHasher, FixedClock } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ChangeMyPasswordCommand } from './change-my-password.command';
import { ChangeMyPasswordHandler } from './change-my-password.handler';

const INSTANCE = '00000000000000aa';
const ADA = { id: '00000000000000a1', name: 'Ada', status: 'active' } as const;
const BOB = { id: '00000000000000a2', name: 'bob', status: 'active' } as const;
const session = sessionCaller(INSTANCE, ADA, selfPermissions(ADA.id));
const FROM = '192.0.2.1';

describe(ChangeMyPasswordHandler.name, () => {
  let users: InMemoryUserRepository;
  let hasher: FakePasswordHasher;
  let limiter: InMemoryPasswordAttemptLimiter;
  let handler: ChangeMyPasswordHandler;
  let oldHash: string;
  const change = (
    basic: { name: string; password: string } | null,
    password: unknown = 'new-password',
    caller = session,
  ) => handler.execute(new ChangeMyPasswordCommand(caller, basic, password, FROM));

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    hasher = new FakePasswordHasher();
    limiter = new InMemoryPasswordAttemptLimiter(3);
    oldHash = await hasher.hash('old-password');
    users.put(INSTANCE, ADA, oldHash);
    users.put(INSTANCE, BOB, await hasher.hash('bobs-password'));
    handler = new ChangeMyPasswordHandler(users, hasher, new FixedClock(), limiter);
  });

  it("sets the new password, keeps the caller's session and ends the user's others", async () => {
    await change({ name: 'ada', password: 'old-password' });
    expect(await hasher.verify(users.hashOf(ADA.id)!, 'new-password')).toBe(true);
    expect(users.endedSessions).toEqual([[ADA.id, session.sessionId]]);
    expect(users.events).toEqual([
      expect.objectContaining({ type: 'user.password.changed', aggregateId: ADA.id, payload: { by: 'self' } }),
    ]);
  });

  it.each([
    ['a wrong old password', { name: 'Ada', password: 'guess' }],
    ["another user's right credentials", { name: 'bob', password: 'bobs-password' }],
    ['an unknown name', { name: 'eve', password: 'old-password' }],
  ])('refuses %s with 401 and keeps the password', async (_, basic) => {
    await expect(change(basic)).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: 'unauthorized access',
    });
    expect(users.hashOf(ADA.id)).toBe(oldHash);
    expect(users.hashOf(BOB.id)).not.toBe(users.hashOf(ADA.id));
    expect(users.writes).toBe(0);
  });

  it('needs a session cookie and Basic credentials', async () => {
    await expect(
      change(
        { name: 'Ada', password: 'old-password' },
        'new-password',
        tokenCaller(INSTANCE, ADA, selfPermissions(ADA.id)),
      ),
    ).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: 'changing your password needs a session cookie',
    });
    await expect(change(null)).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: 'changing your password needs Basic credentials with your old password',
    });
    expect(users.writes).toBe(0);
  });

  it.each([['short'], [null], [42], ['x'.repeat(73)]])('refuses the new password %p with 400', async (password) => {
    await expect(change({ name: 'Ada', password: 'old-password' }, password)).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
    });
    expect(users.hashOf(ADA.id)).toBe(oldHash);
  });

  it('counts wrong old passwords in the attempt limiter: 429 once over, even with the right one', async () => {
    for (let i = 0; i < 3; i++) await change({ name: 'Ada', password: 'guess' }).catch(() => undefined);
    await expect(change({ name: 'Ada', password: 'old-password' })).rejects.toMatchObject({
      code: ErrorCode.ResourceExhausted,
      retryAfterSeconds: 42,
    });
    expect(users.hashOf(ADA.id)).toBe(oldHash);
  });
});
