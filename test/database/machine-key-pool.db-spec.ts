import { AppConfig } from '../../libs/infrastructure/src/config/app-config';
import { AesGcmSecretSealer } from '../../libs/infrastructure/src/crypto/aes-gcm-secret-sealer';
import { RsaKeyPairGenerator } from '../../libs/infrastructure/src/crypto/rsa-key-pair-generator';
import { PgMachineKeyPool } from '../../libs/persistence/src/repositories/pg-machine-key-pool';
import { TypeOrmProvisioningStore } from '../../libs/persistence/src/repositories/typeorm-provisioning.store';
import { instanceReservation, provisioningPlan } from '../support/operation-fixtures';
import { newId, RepositoryHarness } from '../support/repository-harness';

describe('PgMachineKeyPool', () => {
  let harness: RepositoryHarness;
  let pool: PgMachineKeyPool;
  const generator = new RsaKeyPairGenerator();

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    const config = AppConfig.fromEnvironment({ NODE_ENV: 'test', SECRET_KEY: '0'.repeat(63) + '1' });
    pool = new PgMachineKeyPool(harness.system, new AesGcmSecretSealer(config));
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.owner('DELETE FROM machine_key_pool'));

  it('is empty at first: a claim answers null', async () => {
    expect(await pool.claim(newId())).toBeNull();
    expect(await pool.depth()).toBe(0);
  });

  it('stores private keys sealed, and hands back the pair that was added', async () => {
    const pair = await generator.generateRsa2048();
    await pool.add([pair]);
    const [row] = await harness.owner<{ sealed_private_key: string }>('SELECT * FROM machine_key_pool');
    expect(JSON.stringify(row)).not.toContain('PRIVATE KEY');
    const claimed = await pool.claim(newId());
    expect(claimed).toMatchObject({ publicKeyPem: pair.publicKeyPem, privateKeyPem: pair.privateKeyPem });
  });

  it('never gives one pair to two operations, also when 20 claim at once', async () => {
    const pairs = await Promise.all([1, 2, 3, 4, 5].map(() => generator.generateRsa2048()));
    await pool.add(pairs);
    const claims = await Promise.all(Array.from({ length: 20 }, () => pool.claim(newId())));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((c) => c?.poolId)).size).toBe(5);
    expect(new Set(won.map((c) => c?.publicKeyPem)).size).toBe(5);
  });

  it('gives a retried operation its own earlier claim, not a second pair', async () => {
    await pool.add(await Promise.all([1, 2].map(() => generator.generateRsa2048())));
    const operationId = newId();
    const first = await pool.claim(operationId);
    const again = await pool.claim(operationId);
    expect(again?.poolId).toBe(first?.poolId);
    const other = await pool.claim(newId());
    expect(other?.poolId).not.toBe(first?.poolId);
  });

  it('frees a claim abandoned for ten minutes', async () => {
    await pool.add([await generator.generateRsa2048()]);
    const first = await pool.claim(newId());
    expect(await pool.claim(newId())).toBeNull();
    await harness.owner("UPDATE machine_key_pool SET claimed_at = now() - interval '11 minutes'");
    expect((await pool.claim(newId()))?.poolId).toBe(first?.poolId);
  });
});

describe('a pooled key pair in the provisioning commit', () => {
  let harness: RepositoryHarness;
  let pool: PgMachineKeyPool;
  let store: TypeOrmProvisioningStore;
  const generator = new RsaKeyPairGenerator();

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    const config = AppConfig.fromEnvironment({ NODE_ENV: 'test', SECRET_KEY: '0'.repeat(63) + '1' });
    pool = new PgMachineKeyPool(harness.system, new AesGcmSecretSealer(config));
    store = new TypeOrmProvisioningStore(harness.tenant, harness.system);
  });
  afterAll(() => harness.stop());

  async function reservedPlanWithPooledKey() {
    await pool.add([await generator.generateRsa2048()]);
    const reservation = instanceReservation(`caller-${newId()}`);
    await store.reserve(reservation);
    const claimed = await pool.claim(reservation.operation.id);
    return { plan: { ...provisioningPlan(reservation), pooledKeyId: claimed?.poolId ?? null }, claimed };
  }

  it('is consumed by the transaction that writes the instance', async () => {
    const { plan, claimed } = await reservedPlanWithPooledKey();
    expect(claimed).not.toBeNull();
    expect(await store.commit(plan, new Date())).toBe('written');
    expect(await harness.owner('SELECT id FROM machine_key_pool WHERE id = $1', [claimed?.poolId])).toEqual([]);
  });

  it('fails the commit, writing nothing, when another operation took the claim meanwhile', async () => {
    const { plan } = await reservedPlanWithPooledKey();
    // the claim is abandoned, and another operation claims the pair
    await harness.owner("UPDATE machine_key_pool SET claimed_at = now() - interval '11 minutes'");
    expect((await pool.claim(newId()))?.poolId).toBe(plan.pooledKeyId);
    await expect(store.commit(plan, new Date())).rejects.toThrow(/no longer claimed/);
    const [instance] = await harness.owner<{ state: string }>('SELECT state FROM instances WHERE id = $1', [
      plan.instanceId,
    ]);
    expect(instance.state).toBe('STATE_CREATING');
    expect(await harness.owner('SELECT id FROM orgs WHERE instance_id = $1', [plan.instanceId])).toEqual([]);
  });
});
