import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { fromJson } from '@bufbuild/protobuf';
import {
  AddQuotaResponseSchema,
  RemoveQuotaResponseSchema,
  SetQuotaResponseSchema,
} from '@zitadel/proto/zitadel/system_pb';

import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

const UNIT = 'UNIT_REQUESTS_ALL_AUTHENTICATED';

/** A local receiver for quota notifications (reachable because the stack allows private networks). */
class Receiver {
  readonly received: Record<string, unknown>[] = [];
  private server!: Server;
  url!: string;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/quota`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A quota whose current period started ten minutes ago and lasts an hour. */
function quota(
  amount: number,
  limit: boolean,
  notifications: { percent: number; repeat?: boolean; callUrl: string }[] = [],
) {
  return {
    unit: UNIT,
    from: new Date(Date.now() - 10 * 60_000).toISOString(),
    resetInterval: '3600s',
    amount: String(amount),
    limit,
    notifications,
  };
}

describe('System API quotas (AddQuota, SetQuota, RemoveQuota) and their enforcement', () => {
  let stack: TestStack;
  let receiver: Receiver;

  beforeAll(async () => {
    stack = await TestStack.start({
      config: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_BACKOFF_MS: '50', WEBHOOK_BACKOFF_MAX_MS: '200' },
    });
    receiver = await new Receiver().start();
  });

  afterAll(async () => {
    await receiver?.stop();
    await stack?.stop();
  });

  const quotas = (t: TestTenant) => `/system/v1/instances/${t.instanceId}/quotas`;
  const authenticated = (t: TestTenant, headers: Record<string, string> = {}) =>
    http(stack.baseUrl, 'GET', '/api/v2/buckets', {
      token: null,
      headers: { authorization: `Token ${t.operatorToken}`, ...headers },
    });
  const anonymous = (t: TestTenant) =>
    http(stack.baseUrl, 'GET', '/api/v2/setup', { token: null, headers: { host: t.domain } });

  it('AddQuota answers AddQuotaResponse, and a second AddQuota of the unit is AlreadyExists (409, code 6)', async () => {
    const t = await createTenant(stack, 'qadd');
    const first = await http(stack.baseUrl, 'POST', quotas(t), { body: quota(100, false) });
    expect(first.status).toBe(200);
    const parsed = fromJson(AddQuotaResponseSchema, first.body);
    expect(parsed.details?.resourceOwner).toBe(t.instanceId);
    const second = await http(stack.baseUrl, 'POST', quotas(t), { body: quota(100, false) });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 6, details: [] });
  });

  it('SetQuota creates or replaces and is idempotent: the same SetQuota twice gives the same details', async () => {
    const t = await createTenant(stack, 'qset');
    const body = quota(50, true);
    const first = await http(stack.baseUrl, 'PUT', quotas(t), { body });
    expect(first.status).toBe(200);
    const second = await http(stack.baseUrl, 'PUT', quotas(t), { body });
    expect(second.status).toBe(200);
    expect(fromJson(SetQuotaResponseSchema, second.body)).toEqual(fromJson(SetQuotaResponseSchema, first.body));
    const changed = await http(stack.baseUrl, 'PUT', quotas(t), { body: { ...body, amount: '60' } });
    expect(BigInt(changed.body.details.sequence)).toBeGreaterThan(BigInt(first.body.details.sequence));
    const [row] = await stack.db.query<{ amount: string }>(
      'SELECT amount::text FROM instance_quotas WHERE instance_id = $1',
      [t.instanceId],
    );
    expect(row.amount).toBe('60');
  });

  it('RemoveQuota answers RemoveQuotaResponse, and a second RemoveQuota is NotFound (404, code 5)', async () => {
    const t = await createTenant(stack, 'qrm');
    await http(stack.baseUrl, 'POST', quotas(t), { body: quota(10, false) });
    const removed = await http(stack.baseUrl, 'DELETE', `${quotas(t)}/${UNIT}`);
    expect(removed.status).toBe(200);
    fromJson(RemoveQuotaResponseSchema, removed.body);
    const again = await http(stack.baseUrl, 'DELETE', `${quotas(t)}/${UNIT}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 5 });
  });

  it('refuses invalid quotas with InvalidArgument (400, code 3) and unknown instances with 404', async () => {
    const t = await createTenant(stack, 'qbad');
    const cases = [
      { ...quota(10, false), unit: 'UNIT_UNIMPLEMENTED' },
      { ...quota(10, false), unit: 'UNIT_ACTIONS_ALL_RUN_SECONDS' },
      { ...quota(10, false), resetInterval: '30s' },
      { ...quota(10, false), amount: '0' },
      { ...quota(10, false), from: 'yesterday' },
      quota(10, false, [{ percent: 0, callUrl: receiver.url }]),
      quota(10, false, [{ percent: 50, callUrl: 'ftp://example.com/x' }]),
    ];
    for (const body of cases) {
      const res = await http(stack.baseUrl, 'PUT', quotas(t), { body });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 3 });
    }
    const unknown = await http(stack.baseUrl, 'PUT', '/system/v1/instances/0123456789abcdef/quotas', {
      body: quota(10, false),
    });
    expect(unknown.status).toBe(404);
  });

  it('with limit true answers 429 past the amount, with Retry-After to the period end and the exhausted cookie; anonymous requests pass', async () => {
    const t = await createTenant(stack, 'qlimit');
    expect((await http(stack.baseUrl, 'POST', quotas(t), { body: quota(3, true) })).status).toBe(200);
    for (let i = 1; i <= 3; i++) expect((await authenticated(t)).status).toBe(200);
    const fourth = await authenticated(t);
    expect(fourth.status).toBe(429);
    expect(fourth.body).toEqual({ code: 'too many requests', message: expect.stringContaining('quota') });
    expect(fourth.headers.get('x-platform-error-code')).toBe('too many requests');
    const retryAfter = Number(fourth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(40 * 60);
    expect(retryAfter).toBeLessThanOrEqual(50 * 60 + 5);
    expect(fourth.headers.get('set-cookie')).toMatch(/^zitadel\.quota\.exhausted=[^;]+;.*Max-Age=300/);
    expect((await anonymous(t)).status).toBe(200);
    // Removing the quota lifts the limit, and the next answer clears the cookie the client sent.
    await http(stack.baseUrl, 'DELETE', `${quotas(t)}/${UNIT}`);
    const after = await authenticated(t, { cookie: 'zitadel.quota.exhausted=true' });
    expect(after.status).toBe(200);
    expect(after.headers.get('set-cookie')).toMatch(/^zitadel\.quota\.exhausted=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('with limit false lets requests continue past the amount', async () => {
    const t = await createTenant(stack, 'qsoft');
    await http(stack.baseUrl, 'PUT', quotas(t), { body: quota(1, false) });
    for (let i = 1; i <= 3; i++) expect((await authenticated(t)).status).toBe(200);
  });

  it('POSTs a notification at each multiple of percent (repeat), once per threshold, in ZITADEL shape', async () => {
    const t = await createTenant(stack, 'qnotify');
    const callUrl = `${receiver.url}?instance=${t.instanceId}`;
    await http(stack.baseUrl, 'PUT', quotas(t), { body: quota(4, false, [{ percent: 50, repeat: true, callUrl }]) });
    for (let i = 1; i <= 7; i++) expect((await authenticated(t)).status).toBe(200);
    const mine = () => receiver.received.filter((n) => n.callURL === callUrl);
    await until('three quota notifications', () => mine().length >= 3);
    const [periodStart] = await stack.db.query<{ from_at: Date }>(
      'SELECT from_at FROM instance_quotas WHERE instance_id = $1',
      [t.instanceId],
    );
    const sorted = [...mine()].sort((a, b) => Number(a.threshold) - Number(b.threshold));
    expect(sorted).toEqual(
      [50, 100, 150].map((threshold) => ({
        unit: 1,
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        callURL: callUrl,
        periodStart: periodStart.from_at.toISOString(),
        threshold,
        usage: (threshold / 100) * 4,
      })),
    );
    expect(new Set(sorted.map((n) => n.id)).size).toBe(1);
  });

  it('notifies once per period without repeat', async () => {
    const t = await createTenant(stack, 'qonce');
    const callUrl = `${receiver.url}?instance=${t.instanceId}`;
    await http(stack.baseUrl, 'PUT', quotas(t), { body: quota(2, false, [{ percent: 50, callUrl }]) });
    for (let i = 1; i <= 5; i++) await authenticated(t);
    await until('the quota notification', () => receiver.received.some((n) => n.callURL === callUrl));
    // A later notification of another instance shows that the worker went past this one's jobs.
    const other = await createTenant(stack, 'qonce2');
    const otherUrl = `${receiver.url}?instance=${other.instanceId}`;
    await http(stack.baseUrl, 'PUT', quotas(other), { body: quota(1, false, [{ percent: 100, callUrl: otherUrl }]) });
    await authenticated(other);
    await until('the other notification', () => receiver.received.some((n) => n.callURL === otherUrl));
    expect(receiver.received.filter((n) => n.callURL === callUrl)).toEqual([
      expect.objectContaining({ threshold: 50, usage: 1 }),
    ]);
  });
});

describe('quota notification URLs under the webhook network policy', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a callUrl on a private address unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set (400, code 3)', async () => {
    const t = await createTenant(stack, 'qpolicy');
    for (const callUrl of ['http://127.0.0.1:9/quota', 'http://10.0.0.1/quota', 'http://localhost/quota']) {
      const res = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${t.instanceId}/quotas`, {
        body: quota(10, false, [{ percent: 50, callUrl }]),
      });
      expect({ callUrl, status: res.status, code: res.body.code, field: res.body.message }).toEqual({
        callUrl,
        status: 400,
        code: 3,
        field: expect.stringContaining('notifications[0].callUrl'),
      });
    }
    const allowed = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${t.instanceId}/quotas`, {
      body: quota(10, false, [{ percent: 50, callUrl: 'https://billing.example.com/quota' }]),
    });
    expect(allowed.status).toBe(200);
  });
});
