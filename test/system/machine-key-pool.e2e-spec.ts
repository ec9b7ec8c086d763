import { createSign, createVerify } from 'node:crypto';

import { WorkerMetrics } from '../../apps/worker/src/metrics/worker-metrics';
import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/** The worker fills the pool while idle; creates take their pairs from it, each pair once, and the key files work. */
describe('machine key pool', () => {
  let stack: TestStack;
  const poolDepth = async () =>
    (await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM machine_key_pool'))[0].n;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { MACHINE_KEY_POOL_SIZE: '3', MACHINE_KEY_POOL_REFILL_MS: '200' } });
  });
  afterAll(() => stack.stop());

  it('is filled while idle, and creates take their pairs from it, each pair once', async () => {
    await until('the pool to fill', async () => (await poolDepth()) === 3, 30000);
    const pooled = await stack.db.query<{ public_key_pem: string }>('SELECT public_key_pem FROM machine_key_pool');
    const created: string[] = [];
    for (const suffix of ['pool-a', 'pool-b']) {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        body: fullCreateRequest(suffix),
        headers: { Prefer: 'respond-async' },
      });
      const { state, result } = await waitForOperation(stack.baseUrl, res.body.id);
      expect(state).toBe('SUCCEEDED');
      created.push(result!.machineKey!);
    }
    const stored = await stack.db.query<{ public_key_pem: string }>('SELECT public_key_pem FROM machine_keys');
    // both instances got a pair that was in the pool, two different ones, and those left the pool
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((k) => k.public_key_pem)).size).toBe(2);
    for (const key of stored) expect(pooled.map((p) => p.public_key_pem)).toContain(key.public_key_pem);
    const left = await stack.db.query<{ public_key_pem: string }>('SELECT public_key_pem FROM machine_key_pool');
    for (const key of stored) expect(left.map((p) => p.public_key_pem)).not.toContain(key.public_key_pem);
    // each key file's private key matches the public key stored for its instance
    for (const file of created) {
      const { key } = JSON.parse(Buffer.from(file, 'base64').toString('utf8')) as { key: string };
      const signature = createSign('SHA256').update('proof').sign(key);
      const verifies = stored.filter((s) => createVerify('SHA256').update('proof').verify(s.public_key_pem, signature));
      expect(verifies).toHaveLength(1);
    }
    const metrics = await fetch(`http://127.0.0.1:${stack.workers[0].get(WorkerMetrics).port}/metrics`);
    const text = await metrics.text();
    expect(text).toContain('machine_key_pool_claims_total{outcome="hit"} 2');
    expect(text).toMatch(/machine_key_pool_depth \d+/);
    // and it fills up again once the creates are done
    await until('the pool to refill', async () => (await poolDepth()) === 3, 30000);
  });
});
