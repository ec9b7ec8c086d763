import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';

import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';
import { WorkerProcess } from '../support/worker-process';

const TENANT_TABLES = ['orgs', 'users', 'org_members', 'instance_members', 'tokens', 'machine_keys', 'buckets'];

describe('provisioning survives redelivery, crashes and failures', () => {
  let stack: TestStack;

  afterEach(async () => {
    await stack?.stop();
  });

  async function tenantRowCounts(instanceId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of [...TENANT_TABLES, 'events', 'instance_domains']) {
      const [{ count }] = await stack.db.query<{ count: string }>(
        `SELECT count(*) FROM ${table} WHERE instance_id = $1`,
        [instanceId],
      );
      counts[table] = Number(count);
    }
    return counts;
  }

  async function withQueue<T>(fn: (queue: Queue) => Promise<T>): Promise<T> {
    const connection = new IORedis(stack.redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('provisioning', { connection, prefix: stack.redis.prefix });
    try {
      return await fn(queue);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }

  function deliverAgain(operationId: string, copy: string): Promise<unknown> {
    return withQueue((queue) =>
      queue.add('provision-instance', { operationId }, { jobId: `${operationId}-redelivered-${copy}` }),
    );
  }

  function completedJobs(): Promise<number> {
    return withQueue(async (queue) => (await queue.getJobCounts('completed')).completed);
  }

  it('creates the instance once when the same job is delivered again after it finished', async () => {
    stack = await TestStack.start();
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('redelivered'),
    });
    expect(res.status).toBe(200);
    const [operation] = await stack.db.query<{ id: string; outcome: object }>('SELECT id, outcome FROM operations');
    const before = await tenantRowCounts(res.body.instanceId);

    await deliverAgain(operation.id, 'late');
    await until('the redelivered job to finish', async () => (await completedJobs()) === 2);

    expect(await tenantRowCounts(res.body.instanceId)).toEqual(before);
    const [after] = await stack.db.query<{ state: string; outcome: object }>(
      'SELECT state, outcome FROM operations WHERE id = $1',
      [operation.id],
    );
    expect(after).toEqual({ state: 'SUCCEEDED', outcome: operation.outcome });
  });

  it('creates the instance once when two deliveries of the same job run at the same time', async () => {
    stack = await TestStack.start({ worker: false });
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('concurrent'),
      headers: { Prefer: 'respond-async' },
    });
    await deliverAgain(res.body.id, 'parallel');
    await stack.startWorker({ WORKER_CONCURRENCY: '4' });

    const done = await waitForOperation(stack.baseUrl, res.body.id);
    expect(done.state).toBe('SUCCEEDED');
    await until('both deliveries to finish', async () => (await completedJobs()) === 2);
    const counts = await tenantRowCounts(res.body.instanceId);
    expect(counts).toMatchObject({
      orgs: 1,
      users: 2,
      org_members: 2,
      instance_members: 2,
      tokens: 1,
      machine_keys: 1,
      buckets: 3,
    });
    const [{ count }] = await stack.db.query<{ count: string }>(
      "SELECT count(*) FROM events WHERE event_type = 'instance.added' AND instance_id = $1",
      [res.body.instanceId],
    );
    expect(count).toBe('1');
  });

  it('leaves no partial instance when a worker dies inside the write, and the retried job completes', async () => {
    const lockMs = '2000';
    stack = await TestStack.start({ worker: false, config: { WORKER_LOCK_DURATION_MS: lockMs } });
    const crashing = WorkerProcess.start({ ...stack.config, WORKER_LOCK_DURATION_MS: lockMs });
    await until(
      'the worker process to take jobs',
      async () => (await withQueue((q) => q.getWorkersCount())) > 0,
      60000,
    );
    // Hold the buckets table so that the worker's transaction stops half way, after orgs, users and tokens.
    const blocker = new Client({ connectionString: stack.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE buckets IN ACCESS EXCLUSIVE MODE');
    try {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        body: fullCreateRequest('crash'),
        headers: { Prefer: 'respond-async' },
      });
      // pg_locks, not pg_stat_activity: the latter is a snapshot frozen for the rest of the blocker's transaction.
      const stuck = await until('the worker to block inside its transaction', async () => {
        const rows = await blocker.query<{ pid: number }>(
          `SELECT pid FROM pg_locks WHERE relation = 'buckets'::regclass AND NOT granted`,
        );
        return rows.rows[0];
      });

      await crashing.kill();
      await blocker.query('SELECT pg_terminate_backend($1)', [stuck.pid]);
      await blocker.query('COMMIT');

      const [instance] = await stack.db.query<{ state: string }>('SELECT state FROM instances WHERE id = $1', [
        res.body.instanceId,
      ]);
      expect(instance.state).toBe('STATE_CREATING');
      const partial = await tenantRowCounts(res.body.instanceId);
      expect(partial).toMatchObject({
        orgs: 0,
        users: 0,
        org_members: 0,
        instance_members: 0,
        tokens: 0,
        machine_keys: 0,
        buckets: 0,
        events: 0,
      });
      const running = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`);
      expect(running.body).toMatchObject({ state: 'RUNNING', attempts: 1 });

      await stack.startWorker({ WORKER_LOCK_DURATION_MS: lockMs });
      const done = await waitForOperation(stack.baseUrl, res.body.id, 45000);
      expect(done).toMatchObject({ state: 'SUCCEEDED', attempts: 2 });
      expect(await tenantRowCounts(res.body.instanceId)).toMatchObject({
        orgs: 1,
        users: 2,
        org_members: 2,
        instance_members: 2,
        tokens: 1,
        machine_keys: 1,
        buckets: 3,
      });
    } finally {
      await crashing.kill();
      await blocker.end().catch(() => undefined);
    }
  }, 120000);

  it('finishes the job in hand when the worker is asked to stop (SIGTERM), then exits', async () => {
    stack = await TestStack.start({ worker: false });
    const worker = WorkerProcess.start({ ...stack.config });
    await until(
      'the worker process to take jobs',
      async () => (await withQueue((q) => q.getWorkersCount())) > 0,
      60000,
    );
    const blocker = new Client({ connectionString: stack.db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE buckets IN ACCESS EXCLUSIVE MODE');
    try {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        body: fullCreateRequest('graceful'),
        headers: { Prefer: 'respond-async' },
      });
      await until(
        'the worker to be inside its transaction',
        async () =>
          (await blocker.query(`SELECT 1 FROM pg_locks WHERE relation = 'buckets'::regclass AND NOT granted`)).rows
            .length > 0,
      );

      const exit = worker.terminate();
      await until('the worker to begin its shutdown', () => worker.logs.includes('worker stopping on SIGTERM'));
      expect(worker.exited).toBe(false); // still finishing its job, which waits for the lock
      await blocker.query('COMMIT');

      const ended = await exit;
      expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
      expect(worker.logs).not.toMatch(/"level":50/);
      const [operation] = await stack.db.query<{ state: string; attempts: number }>(
        'SELECT state, attempts FROM operations WHERE id = $1',
        [res.body.id],
      );
      expect(operation).toEqual({ state: 'SUCCEEDED', attempts: 1 });
    } finally {
      await worker.kill();
      await blocker.end().catch(() => undefined);
    }
  }, 120000);

  it('after the last failed attempt marks the operation FAILED, the instance STATE_FAILED and frees its domains', async () => {
    stack = await TestStack.start({ worker: false, config: { JOB_ATTEMPTS: '2' } });
    // A worker with another SECRET_KEY cannot open what the API sealed: every attempt fails.
    await stack.startWorker({ SECRET_KEY: 'f'.repeat(64) });
    const request = fullCreateRequest('doomed');
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: request });

    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({
      code: 13,
      message: expect.stringContaining('internal error while provisioning the instance'),
    });
    const [operation] = await stack.db.query<{ id: string; instance_id: string }>(
      'SELECT id, instance_id FROM operations',
    );
    const failed = await http(stack.baseUrl, 'GET', `/system/v1/operations/${operation.id}`);
    expect(failed.body).toMatchObject({
      state: 'FAILED',
      attempts: 2,
      error: { reason: 'INTERNAL', message: expect.any(String), retryable: true },
    });
    expect(failed.body.result).toBeUndefined();
    const instance = await http(stack.baseUrl, 'GET', `/system/v1/instances/${operation.instance_id}`);
    expect(instance.body.instance).toMatchObject({ state: 'STATE_FAILED', domains: [] });
    expect(await tenantRowCounts(operation.instance_id)).toMatchObject({
      orgs: 0,
      users: 0,
      tokens: 0,
      machine_keys: 0,
      buckets: 0,
      instance_domains: 0,
    });
    const [sealed] = await stack.db.query<{ sealed_input: string | null }>('SELECT sealed_input FROM operations');
    expect(sealed.sealed_input).toBeNull();

    // The custom domain is free again.
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
    await stack.startWorker();
    const retry = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { ...fullCreateRequest('retry'), customDomain: request.customDomain },
    });
    expect(retry.status).toBe(200);
  });
});
