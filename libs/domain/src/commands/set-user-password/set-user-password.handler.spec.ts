import { operatorPermissions, selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryPasswordAttemptLimiter } from '../../testing/in-memory-password-attempt-limiter';
import { FakePasswordHasher, FixedClock } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { SetUserPasswordCommand } from './set-user-password.command';
import { SetUserPasswordHandler } from './set-user-password.handler';

const INSTANCE = '00000000000000aa';
const ADA = '00000000000000a1';
const GRACE = '00000000000000a2';
const ROBOT = '00000000000000a3';

const operator: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'token',
  user: { id: ROBOT, name: 'robot', status: 'active' },
  tokenId: '00000000000000f1',
  sessionId: null,
  permissions: operatorPermissions(),
};
const adaSession: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'session',
  user: { id: ADA, name: 'ada', status: 'active' },
  tokenId: null,
  sessionId: '00000000000000e1',
  permissions: selfPermissions(ADA),
};

describe(SetUserPasswordHandler.name, () => {
  let users: InMemoryUserRepository;
  let hasher: FakePasswordHasher;
  let handler: SetUserPasswordHandler;

  beforeEach(async () => {
    users = new InMemoryUserRepository();
    hasher = new FakePasswordHasher();
    handler = new SetUserPasswordHandler(users, hasher, new FixedClock(), new InMemoryPasswordAttemptLimiter(3));
    users.put(INSTANCE, { id: ADA, name: 'ada', status: 'active' }, await hasher.hash('ada-old-password'));
    users.put(INSTANCE, { id: GRACE, name: 'grace', status: 'active' }, await hasher.hash('grace-password'));
    users.put('00000000000000bb', { id: '00000000000000b1', name: 'elsewhere', status: 'active' });
  });

  const set = (
    caller: TenantCaller,
    userId: string,
    password: unknown,
    basic: { name: string; password: string } | null = null,
  ) => handler.execute(new SetUserPasswordCommand(caller, userId, password, basic, '192.0.2.1'));

  it("lets an operator set anyone's password, hashed, and ends all of that user's sessions", async () => {
    await set(operator, GRACE, 'new-grace-password');

    expect(await hasher.verify(users.hashOf(GRACE)!, 'new-grace-password')).toBe(true);
    expect(users.endedSessions).toEqual([[GRACE, null]]);
    expect(users.events).toEqual([
      expect.objectContaining({ type: 'user.password.changed', aggregateId: GRACE, payload: { by: ROBOT } }),
    ]);
  });

  it('keeps the session of a user that sets its own password', async () => {
    await set(adaSession, ADA, 'ada-new-password');
    expect(users.endedSessions).toEqual([[ADA, '00000000000000e1']]);
    expect(users.events[0].payload).toEqual({ by: 'self' });
  });

  it("refuses another user's password to a user with only its own permissions (401 naming the permission)", async () => {
    await expect(set(adaSession, GRACE, 'taken-over!')).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.Unauthenticated, message: `write:users/${GRACE} is unauthorized` }),
    );
    expect(users.writes).toBe(0);
  });

  it.each(['00000000000000b1', 'ffffffffffffffff', 'not-an-id'])('answers 404 user not found for %s', async (id) => {
    await expect(set(operator, id, 'long-enough')).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound, message: 'user not found' }),
    );
  });

  it.each([
    ['too short', 'short'],
    ['too long', 'x'.repeat(73)],
    ['missing', undefined],
  ])('refuses a password that is %s with 400', async (_, password) => {
    await expect(set(operator, GRACE, password)).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
    expect(users.writes).toBe(0);
  });

  describe('without a token, with Basic credentials', () => {
    it("changes the user's own password when its old one is right", async () => {
      await set(anonymousCaller(INSTANCE), ADA, 'ada-new-password', { name: 'ada', password: 'ada-old-password' });
      expect(await hasher.verify(users.hashOf(ADA)!, 'ada-new-password')).toBe(true);
    });

    it.each([
      ['a wrong old password', ADA, { name: 'ada', password: 'wrong' }],
      ["another user's id", GRACE, { name: 'ada', password: 'ada-old-password' }],
      ['an unknown id', 'ffffffffffffffff', { name: 'ada', password: 'ada-old-password' }],
    ])('answers 401 for %s', async (_, id, basic) => {
      await expect(set(anonymousCaller(INSTANCE), id, 'new-password!', basic)).rejects.toThrow(
        expect.objectContaining({ code: ErrorCode.Unauthenticated, message: 'unauthorized access' }),
      );
      expect(users.writes).toBe(0);
    });

    it('answers 429 once the wrong old passwords are over the limit, and then writes nothing even for the right one', async () => {
      for (let i = 0; i < 3; i += 1) {
        await expect(
          set(anonymousCaller(INSTANCE), ADA, 'new-password!', { name: 'ada', password: `guess-${i}` }),
        ).rejects.toThrow(expect.objectContaining({ code: ErrorCode.Unauthenticated }));
      }
      await expect(
        set(anonymousCaller(INSTANCE), ADA, 'new-password!', { name: 'ada', password: 'ada-old-password' }),
      ).rejects.toThrow(expect.objectContaining({ code: ErrorCode.ResourceExhausted }));
      expect(users.writes).toBe(0);
    });

    it("refuses an inactive user's right old password with 403 and writes nothing", async () => {
      users.put(
        INSTANCE,
        { id: '00000000000000a4', name: 'paused', status: 'inactive' },
        await hasher.hash('paused-password'),
      );
      await expect(
        set(anonymousCaller(INSTANCE), '00000000000000a4', 'new-password!', {
          name: 'paused',
          password: 'paused-password',
        }),
      ).rejects.toThrow(expect.objectContaining({ code: ErrorCode.PermissionDenied, message: 'User is inactive' }));
      expect(users.writes).toBe(0);
    });

    it('answers 401 without any credential, before looking the id up', async () => {
      await expect(set(anonymousCaller(INSTANCE), 'ffffffffffffffff', 'new-password!')).rejects.toThrow(
        expect.objectContaining({ code: ErrorCode.Unauthenticated }),
      );
    });
  });
});
