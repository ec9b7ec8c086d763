import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';
import { until } from '../support/until';

const MAX_TENANT = 3;
const MAX_CREATES = 4;
const OTHER_SYSTEM_TOKEN = 'other-system-token-0123456789abcdef';

function onboarding(suffix: string) {
  return {
    username: `user-${suffix}`,
    password: `pw-${suffix}-12345`,
    org: `org-${suffix}`,
    bucket: `bucket-${suffix}`,
  };
}

/**
 * Issue 9, finding 8: no caller may queue unbounded work. With the worker stopped, operations stay pending, so
 * N + 5 concurrent requests must see exactly N accepted and the rest 429 with Retry-After. When a worker comes back,
 * System API creates run before tenant-initiated setups that were queued earlier.
 */
describe('Bounds on pending work', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  const acceptedSetups: string[] = [];
  const acceptedCreates: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start({
      config: {
        MAX_PENDING_TENANT_OPERATIONS: String(MAX_TENANT),
        MAX_PENDING_CREATES_PER_CALLER: String(MAX_CREATES),
        SYSTEM_API_TOKENS: `${SYSTEM_TOKEN},${OTHER_SYSTEM_TOKEN}`,
        WORKER_CONCURRENCY: '1',
      },
    });
    tenant = await createTenant(stack, 'bounds');
    // From here on nothing runs the queue: every accepted operation stays PENDING.
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
  });

  afterAll(async () => {
    await stack.stop();
  });

  const expectTooMany = (answers: HttpAnswer[]) => {
    for (const refused of answers) {
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  };

  it(`accepts at most ${MAX_TENANT} pending setups per instance and answers 429 too many requests to the rest`, async () => {
    const answers = await Promise.all(
      Array.from({ length: MAX_TENANT + 5 }, (_, i) =>
        http(stack.baseUrl, 'POST', '/api/v2/setup/user', {
          token: null,
          headers: { authorization: `Token ${tenant.operatorToken}`, Prefer: 'respond-async' },
          body: onboarding(`t${i}`),
        }),
      ),
    );
    acceptedSetups.push(...answers.filter((a) => a.status === 202).map((a) => a.body.id as string));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(MAX_TENANT);
    const refused = answers.filter((a) => a.status !== 202);
    expectTooMany(refused);
    for (const r of refused) {
      expect(r.body).toEqual({ code: 'too many requests', message: expect.stringContaining('retry') });
      expect(r.headers.get('x-platform-error-code')).toBe('too many requests');
    }
    const [{ count }] = await stack.db.query<{ count: string }>(
      `SELECT count(*) FROM operations WHERE instance_id = $1 AND kind = 'SETUP_USER'`,
      [tenant.instanceId],
    );
    expect(count).toBe(String(MAX_TENANT));
  });

  it(`accepts at most ${MAX_CREATES} pending creates per System API caller (gRPC 8, HTTP 429); other callers are not affected`, async () => {
    const answers = await Promise.all(
      Array.from({ length: MAX_CREATES + 5 }, (_, i) =>
        http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
          headers: { Prefer: 'respond-async' },
          body: { instanceName: `Bounded ${i}` },
        }),
      ),
    );
    acceptedCreates.push(...answers.filter((a) => a.status === 202).map((a) => a.body.id as string));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(MAX_CREATES);
    const refused = answers.filter((a) => a.status !== 202);
    expectTooMany(refused);
    for (const r of refused)
      expect(r.body).toEqual({
        code: 8,
        message: expect.stringContaining('MAX_PENDING_CREATES_PER_CALLER'),
        details: [],
      });
    const other = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      token: OTHER_SYSTEM_TOKEN,
      headers: { Prefer: 'respond-async' },
      body: { instanceName: 'Other caller' },
    });
    expect(other.status).toBe(202);
    acceptedCreates.push(other.body.id);
  });

  it('runs System API creates before tenant setups that were queued earlier', async () => {
    await stack.startWorker({ WORKER_CONCURRENCY: '1' });
    const ids = [...acceptedSetups, ...acceptedCreates];
    const rows = await until(
      'every queued operation to finish',
      async () => {
        const found = await stack.db.query<{ id: string; state: string; started_at: Date }>(
          'SELECT id, state, started_at FROM operations WHERE id = ANY($1)',
          [ids],
        );
        return found.length === ids.length && found.every((r) => r.state === 'SUCCEEDED') && found;
      },
      120000,
    );
    const started = (of: string[]) => rows.filter((r) => of.includes(r.id)).map((r) => r.started_at.getTime());
    expect(Math.max(...started(acceptedCreates))).toBeLessThanOrEqual(Math.min(...started(acceptedSetups)));
  });
});
