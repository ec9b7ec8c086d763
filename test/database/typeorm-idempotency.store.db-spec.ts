import { AppConfig } from '../../libs/infrastructure/src/config/app-config';
import { AesGcmSecretSealer } from '../../libs/infrastructure/src/crypto/aes-gcm-secret-sealer';
import { TypeOrmIdempotencyStore } from '../../libs/persistence/src/repositories/typeorm-idempotency.store';
import { newId, RepositoryHarness } from '../support/repository-harness';

describe('TypeOrmIdempotencyStore', () => {
  let harness: RepositoryHarness;
  let store: TypeOrmIdempotencyStore;
  const at = new Date('2026-09-10T11:12:13.000Z');
  const later = (ms: number) => new Date(at.getTime() + ms);
  const DAY = 24 * 3600 * 1000;
  const answer = {
    status: 201,
    headers: { location: '/system/v1/instances/abc' },
    body: { instanceId: 'abc', pat: 'secret-pat' },
    redactedBody: { instanceId: 'abc' },
  };
  const stored = async (caller: string, key: string) =>
    (
      await harness.owner<{ sealed_body: string | null; headers: unknown }>(
        'SELECT sealed_body, headers FROM idempotency_keys WHERE caller_id = $1 AND key = $2',
        [caller, key],
      )
    )[0];

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    const sealer = new AesGcmSecretSealer(AppConfig.fromEnvironment({ NODE_ENV: 'test' }));
    store = new TypeOrmIdempotencyStore(harness.system, sealer);
  });
  afterAll(() => harness.stop());

  it('claims a key once, reports a request in progress or a different one, and replays the answer', async () => {
    const caller = `caller-${newId()}`;
    expect(await store.claim(caller, 'k1', 'hash-1', at)).toEqual({ kind: 'claimed' });
    expect(await store.claim(caller, 'k1', 'hash-1', later(1))).toEqual({ kind: 'in-progress' });
    expect(await store.claim(caller, 'k1', 'hash-2', later(1))).toEqual({ kind: 'mismatch' });
    // another caller's key of the same name is its own
    expect(await store.claim(`other-${newId()}`, 'k1', 'hash-9', at)).toEqual({ kind: 'claimed' });

    await store.complete(caller, 'k1', answer, later(2));
    const row = await stored(caller, 'k1');
    expect(row.headers).toEqual(answer.headers);
    expect(row.sealed_body).not.toContain('secret-pat');
    expect(await store.claim(caller, 'k1', 'hash-1', later(3))).toEqual({ kind: 'replay', answer });
  });

  it('forgets a released claim, but not a completed one', async () => {
    const caller = `caller-${newId()}`;
    await store.claim(caller, 'k', 'hash', at);
    await store.release(caller, 'k');
    expect(await store.claim(caller, 'k', 'another hash', at)).toEqual({ kind: 'claimed' });
    await store.complete(caller, 'k', answer, at);
    await store.release(caller, 'k');
    expect(await store.claim(caller, 'k', 'another hash', at)).toMatchObject({ kind: 'replay' });
  });

  it('claims afresh a key past its lifetime, and prune drops old keys and erases old sealed answers', async () => {
    const caller = `caller-${newId()}`;
    await store.claim(caller, 'old', 'hash', at);
    await store.complete(caller, 'old', answer, at);
    expect(await store.claim(caller, 'old', 'new hash', later(DAY + 1))).toEqual({ kind: 'claimed' });

    await store.claim(caller, 'expiring', 'hash', later(-DAY - 1));
    await store.claim(caller, 'answered', 'hash', at);
    await store.complete(caller, 'answered', answer, at);
    await store.prune(later(60_000), 30);
    expect(await stored(caller, 'expiring')).toBeUndefined();
    expect((await stored(caller, 'answered')).sealed_body).toBeNull();
    // after the secret retention a replay gives the redacted answer only
    expect(await store.claim(caller, 'answered', 'hash', later(60_000))).toEqual({
      kind: 'replay',
      answer: { ...answer, body: null },
    });
  });
});
