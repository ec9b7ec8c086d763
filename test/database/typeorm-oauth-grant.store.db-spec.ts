import { TypeOrmOAuthGrantStore } from '../../libs/persistence/src/repositories/typeorm-oauth-grant.store';
import { instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');
const HOUR = 3_600_000;

describe('TypeOrmOAuthGrantStore (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let store: TypeOrmOAuthGrantStore;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    store = new TypeOrmOAuthGrantStore(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const accessTokensOf = (instanceId: string) =>
    harness.owner<{ id: string; digest: string; permissions: unknown }>(
      `SELECT id, digest, permissions FROM tokens WHERE instance_id = $1 AND kind = 'oauth_access' ORDER BY created_at`,
      [instanceId],
    );

  it('finds a machine key with its user (the seed stores one under the token id); malformed ids name no key', async () => {
    expect(await store.findMachineKey(a.instanceId, a.tokenId)).toEqual({
      instanceId: a.instanceId,
      keyId: a.tokenId,
      publicKeyPem: 'pem',
      expiresAt: null,
      user: { id: a.userId, kind: 'human', status: 'active' },
    });
    expect(await store.findMachineKey(a.instanceId, 'not-a-key\u0000')).toBeNull();
  });

  it('stores access tokens by digest and drops the user’s expired ones', async () => {
    const first = newId();
    await store.storeAccessToken(
      a.instanceId,
      { id: first, userId: a.userId, digest: `d-${first}`, expiresAt: new Date(AT.getTime() + HOUR) },
      AT,
    );
    expect(await accessTokensOf(a.instanceId)).toEqual([{ id: first, digest: `d-${first}`, permissions: [] }]);
    const later = new Date(AT.getTime() + 2 * HOUR);
    const second = newId();
    await store.storeAccessToken(
      a.instanceId,
      { id: second, userId: a.userId, digest: `d-${second}`, expiresAt: new Date(later.getTime() + HOUR) },
      later,
    );
    expect((await accessTokensOf(a.instanceId)).map((t) => t.id)).toEqual([second]);
  });

  it("with another instance's ids, finds no key and writes nothing there", async () => {
    const expired = newId();
    await harness.owner(
      `INSERT INTO tokens (instance_id, id, user_id, kind, digest, status, permissions, expires_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'oauth_access', $4, 'active', '[]', $5, $5, $5)`,
      [b.instanceId, expired, b.userId, `d-${expired}`, AT],
    );
    const untouched = await instanceFingerprint(harness, b.instanceId);
    expect(await store.findMachineKey(a.instanceId, b.tokenId)).toBeNull();
    const later = new Date(AT.getTime() + HOUR);
    await expect(
      store.storeAccessToken(a.instanceId, { id: newId(), userId: b.userId, digest: 'x', expiresAt: later }, later),
    ).rejects.toThrow(/foreign key/);
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
  });
});
