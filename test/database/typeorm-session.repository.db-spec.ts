import { TypeOrmSessionRepository } from '../../libs/persistence/src/repositories/typeorm-session.repository';
import { instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');
const HOUR = 3_600_000;

describe('TypeOrmSessionRepository (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmSessionRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmSessionRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const sessionsOf = (instanceId: string) =>
    harness.owner<{ id: string; org_id: string | null; digest: string; expires_at: Date; permissions: unknown }>(
      `SELECT id, org_id, digest, expires_at, permissions FROM tokens WHERE instance_id = $1 AND kind = 'session' ORDER BY created_at`,
      [instanceId],
    );

  it('stores a session (digest only, no permissions) and drops the user’s expired ones', async () => {
    const old = newId();
    await repo.create(
      a.instanceId,
      { id: old, userId: a.userId, digest: `d-${old}`, expiresAt: new Date(AT.getTime() + HOUR) },
      AT,
    );
    expect(await sessionsOf(a.instanceId)).toEqual([
      { id: old, org_id: null, digest: `d-${old}`, expires_at: new Date(AT.getTime() + HOUR), permissions: [] },
    ]);
    const later = new Date(AT.getTime() + 2 * HOUR);
    const fresh = newId();
    await repo.create(
      a.instanceId,
      { id: fresh, userId: a.userId, digest: `d-${fresh}`, expiresAt: new Date(later.getTime() + HOUR) },
      later,
    );
    expect((await sessionsOf(a.instanceId)).map((s) => s.id)).toEqual([fresh]);
    expect(await repo.remove(a.instanceId, fresh)).toBe(true);
    expect(await repo.remove(a.instanceId, fresh)).toBe(false);
    // a PAT is not a session
    expect(await repo.remove(a.instanceId, a.tokenId)).toBe(false);
  });

  it("with another instance's ids, removes nothing and cannot write a session there", async () => {
    const theirs = newId();
    await harness.owner(
      `INSERT INTO tokens (instance_id, id, user_id, kind, digest, status, permissions, expires_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'session', $4, 'active', '[]', $5, $5, $5)`,
      [b.instanceId, theirs, b.userId, `d-${theirs}`, AT],
    );
    const untouched = await instanceFingerprint(harness, b.instanceId);
    expect(await repo.remove(a.instanceId, theirs)).toBe(false);
    // creating in A for B's user fails on the foreign key, and B's expired session is not swept along
    const later = new Date(AT.getTime() + HOUR);
    await expect(
      repo.create(a.instanceId, { id: newId(), userId: b.userId, digest: 'x', expiresAt: later }, later),
    ).rejects.toThrow(/foreign key/);
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
  });
});
