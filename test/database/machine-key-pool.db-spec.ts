import { AppConfig } from '../../libs/persistence/src/config/app-config';
import { AesGcmSecretSealer } from '../../libs/persistence/src/security/aes-gcm-secret-sealer';
import { PgMachineKeyPool } from '../../libs/persistence/src/security/pg-machine-key-pool';
import { RsaKeyPairGenerator } from '../../libs/persistence/src/security/rsa-key-pair-generator';
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
