import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { InMemoryPasswordAttemptLimiter } from '../../testing/in-memory-password-attempt-limiter';
import {
  FakePasswordHasher,
  FakeTokenGenerator,
  FixedClock,
  SequentialIdGenerator,
} from '../../testing/in-memory-ports';
import { InMemorySessionRepository, InMemoryUserRepository } from '../../testing/in-memory-users';
import { SignInCommand } from './sign-in.command';
import { SignInHandler } from './sign-in.handler';

const INSTANCE = '00000000000000aa';
const OTHER_INSTANCE = '00000000000000bb';
const ADA = '00000000000000a1';
const unauthorized = expect.objectContaining({ code: ErrorCode.Unauthenticated, message: 'unauthorized access' });

describe(SignInHandler.name, () => {
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionRepository;
  let hasher: FakePasswordHasher;
  let tokens: FakeTokenGenerator;
  let clock: FixedClock;
  let limiter: InMemoryPasswordAttemptLimiter;
  let handler: SignInHandler;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    sessions = new InMemorySessionRepository();
    hasher = new FakePasswordHasher();
    tokens = new FakeTokenGenerator();
    clock = new FixedClock(new Date('2025-01-15T12:00:00.000Z'));
    limiter = new InMemoryPasswordAttemptLimiter(3);
    handler = new SignInHandler(users, sessions, hasher, tokens, new SequentialIdGenerator(), clock, limiter);
    users.put(INSTANCE, { id: ADA, name: 'Ada', status: 'active' }, await hasher.hash('right-password'));
  });

  const signIn = (name: string, password: string, instanceId = INSTANCE, from = '192.0.2.1') =>
    handler.execute(new SignInCommand(anonymousCaller(instanceId), { name, password }, from));

  it('opens a 60-minute session and stores only the digest of its token', async () => {
    const issued = await signIn('Ada', 'right-password');

    expect(issued.expiresAt).toEqual(new Date('2025-01-15T13:00:00.000Z'));
    expect(sessions.sessions).toEqual([
      expect.objectContaining({
        instanceId: INSTANCE,
        userId: ADA,
        digest: tokens.digest(issued.token),
        expiresAt: issued.expiresAt,
      }),
    ]);
    expect(JSON.stringify(sessions.sessions)).not.toContain(issued.token);
  });

  it('takes the user name in any case', async () => {
    await expect(signIn('aDA', 'right-password')).resolves.toEqual(
      expect.objectContaining({ token: expect.any(String) }),
    );
  });

  it.each([
    ['a wrong password', 'Ada', 'wrong-password', INSTANCE],
    ['an unknown user', 'Grace', 'right-password', INSTANCE],
    ['an empty name', '', 'right-password', INSTANCE],
    ['a user of another instance', 'Ada', 'right-password', OTHER_INSTANCE],
  ])('refuses %s with the same 401', async (_, name, password, instanceId) => {
    await expect(signIn(name, password, instanceId)).rejects.toThrow(unauthorized);
    expect(sessions.sessions).toHaveLength(0);
  });

  it('refuses a user without a password, whatever is sent', async () => {
    users.put(INSTANCE, { id: '00000000000000a2', name: 'robot', status: 'active' });
    await expect(signIn('robot', '')).rejects.toThrow(unauthorized);
    await expect(signIn('robot', '$fake-argon2id$')).rejects.toThrow(unauthorized);
  });

  it('refuses a request without Basic credentials', async () => {
    await expect(handler.execute(new SignInCommand(anonymousCaller(INSTANCE), null, '192.0.2.1'))).rejects.toThrow(
      unauthorized,
    );
  });

  it('verifies one password for an unknown user too, so that timing does not tell which names exist', async () => {
    const verify = jest.spyOn(hasher, 'verify');
    await expect(signIn('Grace', 'whatever')).rejects.toThrow(unauthorized);
    await expect(signIn('Ada', 'whatever')).rejects.toThrow(unauthorized);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('tells an inactive user so only once its password is right', async () => {
    users.put(
      INSTANCE,
      { id: '00000000000000a3', name: 'paused', status: 'inactive' },
      await hasher.hash('paused-password'),
    );

    await expect(signIn('paused', 'wrong-password')).rejects.toThrow(unauthorized);
    await expect(signIn('paused', 'paused-password')).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.PermissionDenied, message: 'User is inactive' }),
    );
    expect(sessions.sessions).toHaveLength(0);
  });

  describe('through the password attempt limiter', () => {
    const tooMany = expect.objectContaining({ code: ErrorCode.ResourceExhausted, retryAfterSeconds: 42 });

    it('refuses even the right password with 429 once the failures of one user are over the limit', async () => {
      for (let i = 0; i < 3; i += 1)
        await expect(signIn('Ada', 'wrong-password', INSTANCE, `192.0.2.${i}`)).rejects.toThrow(unauthorized);
      await expect(signIn('Ada', 'right-password', INSTANCE, '192.0.2.99')).rejects.toThrow(tooMany);
      expect(sessions.sessions).toHaveLength(0);
    });

    it('keys a known user by instance and id, so that every spelling of its name is one account', async () => {
      await expect(signIn('ADA', 'wrong-password')).rejects.toThrow(unauthorized);
      await expect(signIn('aDa', 'wrong-password')).rejects.toThrow(unauthorized);
      expect(limiter.admitted.map((a) => [a.instanceId, a.account, a.clientAddress])).toEqual([
        [INSTANCE, `user:${ADA}`, '192.0.2.1'],
        [INSTANCE, `user:${ADA}`, '192.0.2.1'],
      ]);
    });

    it('keys an unknown name by its lowercased NFC form', async () => {
      await expect(signIn('Jo\u0308rg', 'whatever')).rejects.toThrow(unauthorized);
      await expect(signIn('J\u00d6RG', 'whatever')).rejects.toThrow(unauthorized);
      expect(limiter.admitted.map((a) => a.account)).toEqual(['name:j\u00f6rg', 'name:j\u00f6rg']);
    });

    it('gives a right password its count back: only failures count, and successes reset nothing', async () => {
      await expect(signIn('Ada', 'wrong-password')).rejects.toThrow(unauthorized);
      for (let i = 0; i < 5; i += 1) await signIn('Ada', 'right-password');
      expect(limiter.counts.get(`account:${INSTANCE}:user:${ADA}`)).toBe(1);
      expect(limiter.counts.get('address:192.0.2.1')).toBe(1);
    });

    it("counts an inactive user's right password as a failure", async () => {
      users.put(
        INSTANCE,
        { id: '00000000000000a3', name: 'paused', status: 'inactive' },
        await hasher.hash('paused-password'),
      );
      await expect(signIn('paused', 'paused-password')).rejects.toThrow(
        expect.objectContaining({ code: ErrorCode.PermissionDenied }),
      );
      expect(limiter.counts.get(`account:${INSTANCE}:user:00000000000000a3`)).toBe(1);
    });

    it('treats a name holding U+0000 as unknown without looking it up (PostgreSQL text cannot hold it)', async () => {
      const lookup = jest.spyOn(users, 'findCredentials');
      await expect(signIn('Ad\u0000a', 'right-password')).rejects.toThrow(unauthorized);
      expect(lookup).not.toHaveBeenCalled();
      expect(limiter.admitted).toHaveLength(1);
    });
  });
});
