import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { jobId } from '@app/infrastructure';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';

import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

const ALL_EVENT_TYPES = ['instance.created', 'instance.failed', 'instance.removed', 'operation.finished'];
/**
 * Small delays so that retries happen within a test: 50, 100, 200, 200, ... ms. The receivers listen on 127.0.0.1,
 * which webhooks may reach only with WEBHOOK_ALLOW_PRIVATE_NETWORKS (see webhook-network-policy.e2e-spec.ts).
 */
const FAST_WEBHOOKS = {
  WEBHOOK_RELAY_INTERVAL_MS: '200',
  WEBHOOK_BACKOFF_MS: '50',
  WEBHOOK_BACKOFF_MAX_MS: '200',
  WEBHOOK_ATTEMPTS: '5',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
};

interface Received {
  headers: IncomingHttpHeaders;
  /** Exactly the bytes that came, as the signature covers them. */
  body: string;
  json: { type: string; timestamp: string; data: { instanceId: string; operationId: string; [key: string]: unknown } };
}

/** A real HTTP receiver on 127.0.0.1; `answer` picks the status for each request (1-based count). */
class Receiver {
  readonly received: Received[] = [];
  private server!: Server;
  url!: string;

  constructor(private readonly answer: (n: number) => number = () => 200) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: req.headers, body, json: JSON.parse(body) });
        res.statusCode = this.answer(this.received.length);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks?src=provisioner`;
    return this;
  }

  about(instanceId: string, type?: string): Received[] {
    return this.received.filter((r) => r.json.data.instanceId === instanceId && (!type || r.json.type === type));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What a receiver does with a Standard Webhooks request: HMAC-SHA256 over "<id>.<timestamp>.<body>" with the decoded secret. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function signatureValid(secret: string, r: Pick<Received, 'headers' | 'body'>): boolean {
  const expected = expectedSignature(
    secret,
    String(r.headers['webhook-id']),
    String(r.headers['webhook-timestamp']),
    r.body,
  );
  return String(r.headers['webhook-signature']).split(' ').includes(expected);
}

describe('System API webhooks', () => {
  let stack: TestStack;
  const receivers: Receiver[] = [];
  /** Every secret this file is given: none may show up in logs, Redis or later answers. */
  const secrets: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start({ config: FAST_WEBHOOKS });
  });

  afterAll(async () => {
    await stack.stop();
    await Promise.all(receivers.map((r) => r.stop()));
  });

  async function receiver(answer?: (n: number) => number): Promise<Receiver> {
    const r = await new Receiver(answer).start();
    receivers.push(r);
    return r;
  }

  async function register(
    url: string,
    eventTypes = ALL_EVENT_TYPES,
    on = stack,
  ): Promise<{ id: string; secret: string }> {
    const res = await http(on.baseUrl, 'POST', '/system/v1/webhooks', {
      body: { url, eventTypes, description: 'test receiver' },
    });
    expect(res.status).toBe(200);
    secrets.push(res.body.secret);
    return { id: res.body.webhook.id, secret: res.body.secret };
  }

  async function createInstance(
    body: object = { instanceName: 'Hooked' },
  ): Promise<{ instanceId: string; operationId: string; body: any }> {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body });
    expect(res.status).toBe(200);
    const [operation] = await stack.db.query<{ id: string }>('SELECT id FROM operations WHERE instance_id = $1', [
      res.body.instanceId,
    ]);
    return { instanceId: res.body.instanceId, operationId: operation.id, body: res.body };
  }

  describe('registration', () => {
    it('answers the webhook with its secret once, and lists and reads it without', async () => {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
        body: {
          url: 'https://hooks.example.com/in',
          eventTypes: ['instance.created', 'operation.finished'],
          description: 'billing',
          unknownField: 1,
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        webhook: {
          id: expect.stringMatching(/^[0-9a-f]{16}$/),
          url: 'https://hooks.example.com/in',
          eventTypes: ['instance.created', 'operation.finished'],
          description: 'billing',
          creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      });
      const { webhook, secret } = res.body;
      secrets.push(secret);
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

      const one = await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${webhook.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual({ webhook });
      const list = await http(stack.baseUrl, 'GET', '/system/v1/webhooks');
      expect(list.status).toBe(200);
      expect(list.body.result).toContainEqual(webhook);
      for (const answer of [one, list]) expect(JSON.stringify(answer.body)).not.toContain(secret);

      // Sealed, not in clear, in the database.
      const [row] = await stack.db.query<{ sealed_secret: string }>(
        'SELECT sealed_secret FROM webhooks WHERE id = $1',
        [webhook.id],
      );
      expect(row.sealed_secret).not.toContain(secret.slice('whsec_'.length));

      expect((await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${webhook.id}`)).status).toBe(200);
      expect((await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${webhook.id}`)).status).toBe(404);
      expect((await http(stack.baseUrl, 'GET', '/system/v1/webhooks')).body.result).not.toContainEqual(webhook);
    });

    it.each([
      ['a missing url', { eventTypes: ['instance.created'] }, 'url'],
      ['an ftp url', { url: 'ftp://hooks.example.com/', eventTypes: ['instance.created'] }, 'url'],
      ['a relative url', { url: '/hooks', eventTypes: ['instance.created'] }, 'url'],
      ['no event types', { url: 'https://hooks.example.com/', eventTypes: [] }, 'eventTypes'],
      [
        'an unknown event type',
        { url: 'https://hooks.example.com/', eventTypes: ['instance.created', 'instance.exploded'] },
        'eventTypes',
      ],
      [
        'event types that are not a list',
        { url: 'https://hooks.example.com/', eventTypes: 'instance.created' },
        'eventTypes',
      ],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 3, message: expect.stringContaining(field) });
      expect(res.body.details[0].fieldViolations[0].field).toBe(field);
    });

    it('answers 404 for an unknown webhook and 401 without credentials', async () => {
      for (const path of [
        '/system/v1/webhooks/00000000000000ff',
        '/system/v1/webhooks/not-an-id',
        '/system/v1/webhooks/00000000000000ff/deliveries',
      ]) {
        const res = await http(stack.baseUrl, 'GET', path);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ code: 5 });
      }
      expect((await http(stack.baseUrl, 'DELETE', '/system/v1/webhooks/00000000000000ff')).status).toBe(404);
      for (const [method, path] of [
        ['GET', '/system/v1/webhooks'],
        ['POST', '/system/v1/webhooks'],
        ['GET', '/system/v1/webhooks/00000000000000ff/deliveries'],
      ]) {
        const res = await http(stack.baseUrl, method, path, { token: null, body: method === 'POST' ? {} : undefined });
        expect(res).toMatchObject({ status: 401, body: { code: 16 } });
      }
    });
  });

  describe('delivery', () => {
    it('sends instance.created and operation.finished, signed per Standard Webhooks, with the instance and operation ids', async () => {
      const r = await receiver();
      const { id: webhookId, secret } = await register(r.url);
      const { instanceId, operationId } = await createInstance();

      const [created] = await until(
        'instance.created',
        () => r.about(instanceId, 'instance.created').length > 0 && r.about(instanceId, 'instance.created'),
      );
      const [finished] = await until(
        'operation.finished',
        () => r.about(instanceId, 'operation.finished').length > 0 && r.about(instanceId, 'operation.finished'),
      );

      expect(created.json).toEqual({
        type: 'instance.created',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        data: { instanceId, operationId },
      });
      expect(finished.json).toEqual({
        type: 'operation.finished',
        timestamp: expect.any(String),
        data: { instanceId, operationId, kind: 'CREATE_INSTANCE', state: 'SUCCEEDED' },
      });
      for (const message of [created, finished]) {
        expect(message.headers['content-type']).toBe('application/json');
        expect(message.headers['webhook-id']).toMatch(/^[0-9a-f]{16}$/);
        expect(Math.abs(Number(message.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
        expect(signatureValid(secret, message)).toBe(true);
        // A receiver that checks the signature refuses a body changed on the way, or another secret.
        expect(signatureValid(secret, { ...message, body: message.body.replace(instanceId, '0000000000000000') })).toBe(
          false,
        );
        expect(signatureValid(secrets[0], message)).toBe(false);
      }
      expect(created.headers['webhook-id']).not.toBe(finished.headers['webhook-id']);

      // webhook-id is the outbox event's id: receivers deduplicate by it.
      const events = await stack.db.query<{ id: string; type: string }>(
        'SELECT id, type FROM outbox_events WHERE instance_id = $1',
        [instanceId],
      );
      expect(events.find((e) => e.type === 'instance.created')?.id).toBe(created.headers['webhook-id']);

      const deliveries = await until('the deliveries to be recorded', async () => {
        const res = await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${webhookId}/deliveries`);
        const mine = res.body.result.filter((d: { eventId: string }) => events.some((e) => e.id === d.eventId));
        return mine.length === 2 && mine.every((d: { status: string }) => d.status === 'SUCCEEDED') && mine;
      });
      expect(deliveries).toContainEqual({
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        eventId: created.headers['webhook-id'],
        eventType: 'instance.created',
        attempt: 1,
        status: 'SUCCEEDED',
        responseStatus: 200,
        creationDate: expect.any(String),
        lastAttemptDate: expect.any(String),
        finishedDate: expect.any(String),
        attempts: [
          {
            attempt: 1,
            succeeded: true,
            responseStatus: 200,
            date: expect.any(String),
            durationMs: expect.any(Number),
          },
        ],
      });
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${webhookId}`);
    });

    it('writes the outbox event in the transaction of the change: exactly once, even when the job runs again', async () => {
      const { instanceId, operationId } = await createInstance({ instanceName: 'Hooked once' });
      const outbox = () =>
        stack.db.query<{ type: string; created_at: Date; payload: object }>(
          'SELECT type, created_at, payload FROM outbox_events WHERE instance_id = $1 ORDER BY type',
          [instanceId],
        );
      const rows = await outbox();
      expect(rows.map((r) => r.type)).toEqual(['instance.created', 'operation.finished']);
      // Stamped with the commit's time, as the operation's end is.
      const [operation] = await stack.db.query<{ finished_at: Date }>(
        'SELECT finished_at FROM operations WHERE id = $1',
        [operationId],
      );
      expect(rows.map((r) => r.created_at.getTime())).toEqual([
        operation.finished_at.getTime(),
        operation.finished_at.getTime(),
      ]);

      // The same job delivered again finds the operation finished and writes nothing, the outbox included.
      const connection = new IORedis(stack.redis.url, { maxRetriesPerRequest: null });
      const queue = new Queue('provisioning', { connection, prefix: stack.redis.prefix });
      try {
        const before = (await queue.getJobCounts('completed')).completed;
        await queue.add('provision-instance', { operationId }, { jobId: `${operationId}-again` });
        await until(
          'the redelivered job to finish',
          async () => (await queue.getJobCounts('completed')).completed > before,
        );
      } finally {
        await queue.close();
        connection.disconnect();
      }
      expect(await outbox()).toEqual(rows);
    });

    it('retries a receiver that answers 500 twice and delivers on the third attempt, showing every attempt', async () => {
      const r = await receiver((n) => (n <= 2 ? 500 : 200));
      const { id: webhookId, secret } = await register(r.url, ['instance.created']);
      const { instanceId } = await createInstance({ instanceName: 'Hooked retry' });

      await until('three attempts', () => r.about(instanceId).length >= 3);
      const attempts = r.about(instanceId);
      expect(attempts).toHaveLength(3);
      expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
      expect(attempts.every((a) => a.json.type === 'instance.created' && signatureValid(secret, a))).toBe(true);

      const [delivery] = await until('the delivery to succeed', async () => {
        const res = await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${webhookId}/deliveries`);
        return res.body.result[0]?.status === 'SUCCEEDED' && res.body.result;
      });
      expect(delivery).toMatchObject({
        eventType: 'instance.created',
        eventId: attempts[0].headers['webhook-id'],
        attempt: 3,
        status: 'SUCCEEDED',
        responseStatus: 200,
        attempts: [
          { attempt: 1, succeeded: false, responseStatus: 500, error: 'receiver answered HTTP 500' },
          { attempt: 2, succeeded: false, responseStatus: 500, error: 'receiver answered HTTP 500' },
          { attempt: 3, succeeded: true, responseStatus: 200 },
        ],
      });
      expect(delivery.error).toBeUndefined();
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${webhookId}`);
    });

    it('delivers a job that runs before the relay that queued it has committed', async () => {
      const r = await receiver();
      const { id: webhookId, secret } = await register(r.url, ['instance.removed']);
      const eventId = 'e0e0e0e0e0e0e0e1';
      const deliveryId = 'd0d0d0d0d0d0d0d1';
      const instanceId = '0123456789abcdef';
      // Act as a relay: inside its transaction (holding the relay lock), store the delivery and queue its job.
      const relay = new Client({ connectionString: stack.db.url });
      await relay.connect();
      const connection = new IORedis(stack.redis.url, { maxRetriesPerRequest: null });
      const queue = new Queue('webhooks', { connection, prefix: stack.redis.prefix });
      try {
        await relay.query('BEGIN');
        await relay.query('SELECT pg_advisory_xact_lock_shared(7420391119)');
        await relay.query(
          `INSERT INTO outbox_events (id, type, instance_id, payload, created_at, dispatched_at) VALUES ($1, 'instance.removed', $2, $3, now(), now())`,
          [eventId, instanceId, { instanceId, operationId: 'fedcba9876543210' }],
        );
        await relay.query(
          `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, created_at) VALUES ($1, $2, $3, 'instance.removed', 'PENDING', now())`,
          [deliveryId, webhookId, eventId],
        );
        await queue.add(
          'deliver-webhook',
          { deliveryId },
          { jobId: jobId.delivery(deliveryId), attempts: 5, backoff: { type: 'webhook', delay: 50 } },
        );
        await until('the job to start', async () => (await queue.getJobCounts('active')).active > 0);
        // The job must be waiting for the relay's lock (it looks its delivery up only once the relay committed).
        await until(
          'the job to wait for the relay lock',
          async () =>
            (await stack.db.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).length > 0,
        );
        await relay.query('COMMIT');
      } finally {
        await relay.end();
        await queue.close();
        connection.disconnect();
      }
      const [message] = await until('the delivery', () => r.about(instanceId).length > 0 && r.about(instanceId));
      expect(message.headers['webhook-id']).toBe(eventId);
      expect(signatureValid(secret, message)).toBe(true);
      const res = await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${webhookId}/deliveries`);
      expect(res.body.result).toEqual([expect.objectContaining({ id: deliveryId, status: 'SUCCEEDED', attempt: 1 })]);
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${webhookId}`);
    });

    it('marks a delivery FAILED after its last attempt, and records why', async () => {
      const r = await receiver(() => 503);
      const { id: webhookId } = await register(r.url, ['instance.created']);
      const unreachable = await register('http://127.0.0.1:1/nobody-listens', ['instance.created']);
      const { instanceId } = await createInstance({ instanceName: 'Hooked never' });

      for (const id of [webhookId, unreachable.id]) {
        const [delivery] = await until(`webhook ${id} to give up`, async () => {
          const res = await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${id}/deliveries`);
          return res.body.result[0]?.status === 'FAILED' && res.body.result;
        });
        expect(delivery.attempt).toBe(5);
        expect(delivery.attempts).toHaveLength(5);
        expect(delivery.finishedDate).toEqual(expect.any(String));
        if (id === webhookId)
          expect(delivery).toMatchObject({ responseStatus: 503, error: 'receiver answered HTTP 503' });
        else expect(delivery).toMatchObject({ error: 'connection failed' });
      }
      expect(r.about(instanceId)).toHaveLength(5);
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${webhookId}`);
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${unreachable.id}`);
    });

    it('sends only the event types a webhook subscribed to, and nothing after it is deleted', async () => {
      const r = await receiver();
      const { id } = await register(r.url, ['instance.failed']);
      const { instanceId } = await createInstance({ instanceName: 'Hooked quiet' });
      // The relay has dispatched the events (with no delivery for this webhook) once they are marked.
      await until('the events to be dispatched', async () => {
        const rows = await stack.db.query(
          'SELECT 1 FROM outbox_events WHERE instance_id = $1 AND dispatched_at IS NULL',
          [instanceId],
        );
        return rows.length === 0;
      });
      expect(r.about(instanceId)).toEqual([]);
      expect((await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${id}/deliveries`)).body.result).toEqual([]);

      const everything = await register(r.url);
      expect((await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${everything.id}`)).status).toBe(200);
      const later = await createInstance({ instanceName: 'Hooked after delete' });
      await until('the events to be dispatched', async () => {
        const rows = await stack.db.query(
          'SELECT 1 FROM outbox_events WHERE instance_id = $1 AND dispatched_at IS NULL',
          [later.instanceId],
        );
        return rows.length === 0;
      });
      // The relay creates every delivery in the transaction that marks the events dispatched: none was created.
      const deliveries = await stack.db.query(
        'SELECT 1 FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id WHERE e.instance_id = $1',
        [later.instanceId],
      );
      expect(deliveries).toEqual([]);
      expect(r.about(later.instanceId)).toEqual([]);
      expect((await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${everything.id}/deliveries`)).status).toBe(404);
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${id}`);
    });

    it('keeps webhook and instance secrets out of events, answers, job data and logs', async () => {
      const r = await receiver();
      const { id, secret } = await register(r.url);
      const { instanceId, body } = await createInstance(fullCreateRequest('hooked-secrets'));
      await until('both events', () => r.about(instanceId).length >= 2);

      const instanceSecrets = [body.pat, body.machineKey, 'Pw-hooked-secrets-s3cret!'];
      expect(instanceSecrets.every((s) => typeof s === 'string' && s.length > 8)).toBe(true);
      const outbox = JSON.stringify(
        await stack.db.query('SELECT * FROM outbox_events WHERE instance_id = $1', [instanceId]),
      );
      const sent = r
        .about(instanceId)
        .map((m) => m.body)
        .join('\n');
      const answers = JSON.stringify([
        (await http(stack.baseUrl, 'GET', '/system/v1/webhooks')).body,
        (await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${id}`)).body,
        (await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${id}/deliveries`)).body,
      ]);
      const logs = stack.logs.text();
      const redis = await stack.redis.dump();
      expect(logs.length).toBeGreaterThan(0);
      for (const s of [...secrets, secret]) {
        const key = s.slice('whsec_'.length);
        for (const text of [answers, logs, redis, outbox, sent]) expect(text).not.toContain(key);
      }
      for (const s of instanceSecrets) for (const text of [outbox, sent, logs, redis]) expect(text).not.toContain(s);
      // The receiver's URL (it may carry a token) is not logged either.
      expect(logs).not.toContain('src=provisioner');
      await http(stack.baseUrl, 'DELETE', `/system/v1/webhooks/${id}`);
    });
  });
});

describe('webhooks for a failed create', () => {
  let stack: TestStack;
  let receiver: Receiver;

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('sends instance.failed and operation.finished FAILED', async () => {
    stack = await TestStack.start({
      worker: false,
      config: {
        ...FAST_WEBHOOKS,
        JOB_ATTEMPTS: '1',
        WEBHOOK_ATTEMPTS: '15',
        WEBHOOK_BACKOFF_MS: '200',
        WEBHOOK_BACKOFF_MAX_MS: '1000',
      },
    });
    receiver = await new Receiver().start();
    const hook = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
      body: { url: receiver.url, eventTypes: ALL_EVENT_TYPES },
    });
    const secret: string = hook.body.secret;
    // A worker with another SECRET_KEY cannot open what the API sealed: the create fails at its only attempt.
    await stack.startWorker({ SECRET_KEY: 'f'.repeat(64) });
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: { instanceName: 'Hooked' } });
    expect(res.status).toBe(500);
    const [operation] = await stack.db.query<{ id: string; instance_id: string }>(
      "SELECT id, instance_id FROM operations WHERE kind = 'CREATE_INSTANCE'",
    );
    // That worker cannot open the webhook's secret either (its attempts fail and are retried): a good worker takes over.
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
    await stack.startWorker();

    const instanceId = operation.instance_id;
    const [failed] = await until(
      'instance.failed',
      () => receiver.about(instanceId, 'instance.failed').length > 0 && receiver.about(instanceId, 'instance.failed'),
    );
    const [finished] = await until(
      'operation.finished',
      () =>
        receiver.about(instanceId, 'operation.finished').length > 0 && receiver.about(instanceId, 'operation.finished'),
    );
    expect(failed.json.data).toEqual({ instanceId, operationId: operation.id, reason: 'INTERNAL' });
    expect(finished.json.data).toEqual({
      instanceId,
      operationId: operation.id,
      kind: 'CREATE_INSTANCE',
      state: 'FAILED',
      error: { reason: 'INTERNAL', message: 'internal error while provisioning the instance' },
    });
    expect(signatureValid(secret, failed)).toBe(true);
    expect(signatureValid(secret, finished)).toBe(true);
    expect(receiver.about(instanceId, 'instance.created')).toEqual([]);
    expect(stack.logs.text()).not.toContain(secret.slice('whsec_'.length));
  });
});
