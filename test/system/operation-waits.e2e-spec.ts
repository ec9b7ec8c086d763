import { Client } from 'pg';

import { readEvents } from '../support/server-sent-events';
import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

const createAsync = (stack: TestStack, suffix: string) =>
  http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
    body: fullCreateRequest(suffix),
    headers: { Prefer: 'respond-async' },
  });

const stopWorkers = async (stack: TestStack) => {
  await Promise.all(stack.workers.map((w) => w.close()));
  stack.workers = [];
};

const listenerConnections = (stack: TestStack) =>
  stack.db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN operation_changed'`,
  );

// The fallback poll is set to a minute here, so an answer within seconds can only have come from a notification.
describe('Operation waits learn of changes from PostgreSQL notifications', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, config: { OPERATION_WAIT_FALLBACK_MS: '60000' } });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('notifies operation_changed with the operation id and its new state on every change, at commit', async () => {
    const listener = new Client({ connectionString: stack.db.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (n) => payloads.push(n.payload ?? ''));
    await listener.query('LISTEN operation_changed');
    try {
      const res = await createAsync(stack, 'notified');
      await stack.startWorker();
      await until('a notification of the finished operation', () => payloads.length >= 2, 20000);
      await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}/_wait?timeout=20s`);
      // The API's listener may hear of the commit a moment before this one: wait for the last state here too.
      await until('this listener to hear of the finish', () => payloads.includes(`${res.body.id} SUCCEEDED`), 20000);
      expect(payloads.every((p) => p.startsWith(`${res.body.id} `))).toBe(true);
      expect(payloads[0]).toBe(`${res.body.id} RUNNING`);
      expect(payloads[payloads.length - 1]).toBe(`${res.body.id} SUCCEEDED`);
    } finally {
      await listener.end();
      await stopWorkers(stack);
    }
  });

  it('answers _wait as soon as the operation is finished, not at the next fallback poll', async () => {
    const res = await createAsync(stack, 'waited');
    const started = Date.now();
    const waiting = http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}/_wait?timeout=20s`);
    await until('the API to listen for operation changes', async () => (await listenerConnections(stack)).length);
    await stack.startWorker();
    const done = await waiting;
    expect(done.body).toMatchObject({ state: 'SUCCEEDED', result: { instanceId: res.body.instanceId } });
    expect(Date.now() - started).toBeLessThan(15000);
    await stopWorkers(stack);
  });

  it('answers a sync _create from the notification of its end', async () => {
    await stack.startWorker();
    const started = Date.now();
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: fullCreateRequest('sync') });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15000);
    await stopWorkers(stack);
  });

  it('streams an event for each step as it happens', async () => {
    const res = await createAsync(stack, 'streamed');
    const started = Date.now();
    const events = await readEvents(stack.baseUrl, `/system/v1/operations/${res.body.id}/events`, () =>
      setTimeout(() => void stack.startWorker(), 300),
    );
    expect(Date.now() - started).toBeLessThan(15000);
    expect(events[0].state).toBe('PENDING');
    expect(events[events.length - 1]).toMatchObject({ state: 'SUCCEEDED', progress: { completedSteps: 4 } });
    // Without notifications a one-minute poll would have seen PENDING and then nothing before the end.
    const running = events.filter((e) => e.state === 'RUNNING');
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(new Set(running.map((e) => e.progress.completedSteps)).size).toBeGreaterThanOrEqual(2);
    await stopWorkers(stack);
  });
});

describe('Operation waits without the notification connection', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, config: { OPERATION_WAIT_FALLBACK_MS: '200' } });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('still complete _wait and the event stream through the fallback poll after the listener was killed', async () => {
    const first = await createAsync(stack, 'first');
    const waiting = http(stack.baseUrl, 'GET', `/system/v1/operations/${first.body.id}/_wait?timeout=20s`);
    await until('the API to listen for operation changes', async () => (await listenerConnections(stack)).length);
    await stack.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    await until('the listening connection to be gone', async () => (await listenerConnections(stack)).length === 0);
    const second = await createAsync(stack, 'second');
    const streaming = readEvents(stack.baseUrl, `/system/v1/operations/${second.body.id}/events`, () => undefined);
    await stack.startWorker();
    expect((await waiting).body.state).toBe('SUCCEEDED');
    await until('the API to log the lost listener', () => stack.logs.text().includes('notifications lost'), 10000);
    const events = await streaming;
    expect(events[events.length - 1].state).toBe('SUCCEEDED');
    await stopWorkers(stack);
  });
});
