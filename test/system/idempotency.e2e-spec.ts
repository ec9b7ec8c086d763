import { fullCreateRequest, http } from '../support/system-api';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';
import { until } from '../support/until';

const OTHER_TOKEN = 'another-operator-token-0123456789';

describe('Idempotency-Key on the System API', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({
      config: {
        SYSTEM_API_TOKENS: `${SYSTEM_TOKEN},${OTHER_TOKEN}`,
        SECRET_RETENTION_SECONDS: '3',
        SECRET_SWEEP_INTERVAL_MS: '200',
      },
    });
  });

  afterAll(async () => {
    await stack.stop();
  });

  const instancesNamed = async (name: string) =>
    Number(
      (await stack.db.query<{ count: string }>('SELECT count(*) FROM instances WHERE name = $1', [name]))[0].count,
    );

  it('creates one instance for 20 racing requests with one key, and gives all of them the same answer', async () => {
    const body = fullCreateRequest('race');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body, headers: { 'Idempotency-Key': 'race-1' } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0].body.pat).toEqual(expect.any(String));
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await instancesNamed(body.instanceName)).toBe(1);
  });

  it('answers 422 when the key comes back with another request, and keeps keys apart per caller', async () => {
    const first = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Keyed' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(first.status).toBe(200);
    const other = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Keyed differently' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 3, message: expect.stringContaining('different request') });
    const otherCaller = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      token: OTHER_TOKEN,
      body: { instanceName: 'Keyed' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(otherCaller.status).toBe(200);
    expect(otherCaller.body.instanceId).not.toBe(first.body.instanceId);
    expect(await instancesNamed('Keyed')).toBe(2);
  });

  it('replays a 202 with the same operation and Location', async () => {
    const send = () =>
      http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        body: { instanceName: 'Later' },
        headers: { 'Idempotency-Key': 'k-3', Prefer: 'respond-async' },
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('releases the key of a request that failed, so that it can be sent again', async () => {
    const bad = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: '' },
      headers: { 'Idempotency-Key': 'k-4' },
    });
    expect(bad.status).toBe(400);
    const good = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Fixed' },
      headers: { 'Idempotency-Key': 'k-4' },
    });
    expect(good.status).toBe(200);
  });

  it('covers the other mutating calls too (rename, domains, limits, delete)', async () => {
    const { body } = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Mutated' },
    });
    const rename = () =>
      http(stack.baseUrl, 'PUT', `/system/v1/instances/${body.instanceId}`, {
        body: { instanceName: 'Mutated again' },
        headers: { 'Idempotency-Key': 'k-5' },
      });
    expect((await rename()).status).toBe(200);
    // Without the key, the same rename is refused as unchanged; with it, the first answer comes back.
    expect((await rename()).status).toBe(200);
    const remove = () =>
      http(stack.baseUrl, 'DELETE', `/system/v1/instances/${body.instanceId}`, {
        headers: { 'Idempotency-Key': 'k-6' },
      });
    const removed = await remove();
    expect(removed.status).toBe(200);
    expect((await remove()).body).toEqual(removed.body);
  });

  it('stores answers sealed, and replays them without secrets once SECRET_RETENTION_SECONDS pass', async () => {
    const body = fullCreateRequest('sealed');
    const first = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body,
      headers: { 'Idempotency-Key': 'k-7' },
    });
    const rows = await stack.db.query<{ row: string }>('SELECT to_jsonb(k)::text AS row FROM idempotency_keys k');
    expect(rows.map((r) => r.row).join()).not.toContain(first.body.pat);

    const replay = await until(
      'a replay without secrets',
      async () => {
        const answer = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
          body,
          headers: { 'Idempotency-Key': 'k-7' },
        });
        return answer.body.pat === undefined && answer;
      },
      15000,
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ instanceId: first.body.instanceId, details: first.body.details });
  });
});
