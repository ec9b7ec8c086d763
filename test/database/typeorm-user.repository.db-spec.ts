import { ErrorCode, userDeletionGuard, userEvents } from '@app/domain';

import { TypeOrmUserRepository } from '../../libs/persistence/src/repositories/typeorm-user.repository';
import { eventsOf, instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');
const PAGE = { offset: 0, limit: 100 };

describe('TypeOrmUserRepository (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmUserRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmUserRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const session = (instanceId: string, userId: string, id = newId()) =>
    harness
      .owner(
        `INSERT INTO tokens (instance_id, id, user_id, kind, digest, status, permissions, expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, 'session', $4, 'active', '[]', now() + interval '1 hour', now(), now())`,
        [instanceId, id, userId, `digest-${id}`],
      )
      .then(() => id);

  it('creates a human of the instance language with its event; lists, finds and reads credentials', async () => {
    const id = newId();
    const user = await repo.create(
      a.instanceId,
      { id, name: 'Grace', status: 'active' },
      userEvents.added(a.instanceId, id, 'Grace', 'active'),
      AT,
    );
    expect(user).toEqual({ id, name: 'Grace', status: 'active' });
    expect(await repo.findById(a.instanceId, id)).toEqual(user);
    expect(await repo.findCredentials(a.instanceId, 'GRACE')).toEqual({ user, passwordHash: null });
    expect(await repo.list(a.instanceId, { visibleIds: 'all', name: 'Grace' }, PAGE)).toEqual([user]);
    expect((await repo.list(a.instanceId, { visibleIds: [id, a.userId] }, PAGE)).map((u) => u.id)).toEqual(
      [id, a.userId].sort(),
    );
    const [first] = [id, a.userId].sort();
    expect(
      (await repo.list(a.instanceId, { visibleIds: 'all' }, { ...PAGE, after: first })).map((u) => u.id),
    ).not.toContain(first);
    const [row] = await harness.owner<{ kind: string; preferred_language: string; display_name: string }>(
      'SELECT kind, preferred_language, display_name FROM users WHERE instance_id = $1 AND id = $2',
      [a.instanceId, id],
    );
    expect(row).toEqual({ kind: 'human', preferred_language: 'en', display_name: 'Grace' });
    expect((await eventsOf(harness, a.instanceId)).at(-1)).toMatchObject({
      aggregate_id: id,
      event_type: 'user.human.added',
    });
  });

  it('a name taken in any case is CONFLICT; the user quota is PERMISSION_DENIED; neither writes', async () => {
    const before = await instanceFingerprint(harness, a.instanceId);
    const id = newId();
    await expect(
      repo.create(
        a.instanceId,
        { id, name: 'grace', status: 'active' },
        userEvents.added(a.instanceId, id, 'g', 'active'),
        AT,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    await harness.owner('UPDATE instances SET max_users = 2 WHERE id = $1', [a.instanceId]);
    try {
      await expect(
        repo.create(
          a.instanceId,
          { id, name: 'third', status: 'active' },
          userEvents.added(a.instanceId, id, 't', 'active'),
          AT,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.PermissionDenied });
    } finally {
      await harness.owner('UPDATE instances SET max_users = NULL WHERE id = $1', [a.instanceId]);
    }
    expect(await instanceFingerprint(harness, a.instanceId)).toEqual(before);
  });

  it('updates, sets a password (ending the other sessions) and removes a user', async () => {
    const id = newId();
    await repo.create(
      a.instanceId,
      { id, name: 'Temp', status: 'active' },
      userEvents.added(a.instanceId, id, 'Temp', 'active'),
      AT,
    );
    const renamed = await repo.update(
      a.instanceId,
      id,
      { name: 'Temp2', status: 'inactive' },
      userEvents.changed(a.instanceId, id, {}),
      AT,
    );
    expect(renamed).toEqual({ id, name: 'Temp2', status: 'inactive' });
    await expect(
      repo.update(a.instanceId, id, { name: 'GRACE' }, userEvents.changed(a.instanceId, id, {}), AT),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });

    const kept = await session(a.instanceId, id);
    const ended = await session(a.instanceId, id);
    const event = userEvents.passwordChanged(a.instanceId, id, 'self');
    expect(await repo.setPasswordHash(a.instanceId, id, '$argon2id$x', kept, event, AT)).toBe(true);
    expect((await repo.findCredentials(a.instanceId, 'temp2'))?.passwordHash).toBe('$argon2id$x');
    const sessions = await harness.owner<{ id: string }>(
      `SELECT id FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'session'`,
      [a.instanceId, id],
    );
    expect(sessions.map((s) => s.id)).toEqual([kept]);
    expect(sessions.map((s) => s.id)).not.toContain(ended);

    expect(await repo.remove(a.instanceId, id, userEvents.removed(a.instanceId, id, 'Temp2'), AT)).toBe(true);
    expect(await repo.findById(a.instanceId, id)).toBeNull();
    const [{ n }] = await harness.owner<{ n: number }>('SELECT count(*)::int AS n FROM tokens WHERE user_id = $1', [
      id,
    ]);
    expect(n).toBe(0);
    expect(await repo.remove(a.instanceId, id, userEvents.removed(a.instanceId, id, 'Temp2'), AT)).toBe(false);
    expect((await eventsOf(harness, a.instanceId)).slice(-4).map((e) => e.event_type)).toEqual([
      'user.human.added',
      'user.changed',
      'user.password.changed',
      'user.removed',
    ]);
  });

  it('the owner guard runs in the transaction and refuses to remove the last owner', async () => {
    const before = await instanceFingerprint(harness, a.instanceId);
    const name = `user-${a.userId}`;
    await expect(
      repo.remove(
        a.instanceId,
        a.userId,
        userEvents.removed(a.instanceId, a.userId, name),
        AT,
        userDeletionGuard(a.userId, name),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(await instanceFingerprint(harness, a.instanceId)).toEqual(before);
  });

  it("with another instance's ids, finds nothing and changes nothing there", async () => {
    const untouched = await instanceFingerprint(harness, b.instanceId);
    const event = userEvents.changed(b.instanceId, b.userId, {});
    expect(await repo.findById(a.instanceId, b.userId)).toBeNull();
    expect(await repo.findCredentials(a.instanceId, `user-${b.userId}`)).toBeNull();
    expect(await repo.list(a.instanceId, { visibleIds: [b.userId] }, PAGE)).toEqual([]);
    expect(await repo.update(a.instanceId, b.userId, { status: 'inactive' }, event, AT)).toBeNull();
    expect(await repo.setPasswordHash(a.instanceId, b.userId, 'hash', null, event, AT)).toBe(false);
    expect(await repo.remove(a.instanceId, b.userId, event, AT)).toBe(false);
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
  });
});
