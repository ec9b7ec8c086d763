import { randomBytes } from 'node:crypto';

import { Queue } from 'bullmq';

import { LocalRedisCluster } from '../support/redis-cluster';
import { basicAuth } from '../support/sessions';
import { fullCreateRequest, http, type OperationBody, waitForOperation } from '../support/system-api';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';
import { until } from '../support/until';
import { WorkerProcess } from '../support/worker-process';

const unavailable = LocalRedisCluster.unavailableBecause();
if (unavailable)
  console.warn(
    `SKIPPED test/system/redis-cluster.e2e-spec.ts: ${unavailable}. It starts its own three-node Redis Cluster ` +
      'and needs redis-server and redis-cli 7 or later (Debian: apt-get install redis-server).',
  );
const describeOnCluster = unavailable ? describe.skip : describe;

const INSTANCES = 12;
const PASSWORD_ATTEMPTS = 2;
const TENANT_TABLES = ['orgs', 'users', 'org_members', 'instance_members', 'tokens', 'machine_keys', 'buckets'];

/**
 * Scale-out: the API and two worker processes (one in this process, one a real child process) on a three-node Redis
 * Cluster of the test's own, with a hash-tagged QUEUE_PREFIX. Every instance must be created exactly once, and the
 * Redis paths besides the queue (password limiter, console sessions, duration totals) must work on the cluster too.
 */
describeOnCluster('on a Redis Cluster, with two worker processes sharing the queue', () => {
  const prefix = `{test-${randomBytes(5).toString('hex')}}`;
  let cluster: LocalRedisCluster;
  let stack: TestStack;
  let childWorker: WorkerProcess;

  beforeAll(async () => {
    cluster = await LocalRedisCluster.start(3);
    stack = await TestStack.start({
      config: {
        REDIS_CLUSTER_NODES: cluster.nodes,
        QUEUE_PREFIX: prefix,
        // Two jobs at a time per worker: twelve jobs keep both workers busy, so both must take part.
        WORKER_CONCURRENCY: '2',
        PASSWORD_ATTEMPTS_PER_MINUTE: String(PASSWORD_ATTEMPTS),
      },
    });
    childWorker = WorkerProcess.start(stack.config);
    await until(
      'the second worker process to be ready',
      () => {
        if (childWorker.exited) throw new Error(`the second worker process ended:\n${childWorker.logs}`);
        return childWorker.logs.includes('worker ready');
      },
      120_000,
    );
  }, 240_000);

  afterAll(async () => {
    await childWorker?.terminate();
    await stack?.stop();
    await cluster?.stop();
  }, 60_000);

  /** The operation ids in one worker's `provisioning job done` log lines, one entry per job run. */
  function jobsRun(logLines: string[]): string[] {
    return logLines.flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; operationId?: string };
        return entry.msg === 'provisioning job done' && entry.operationId ? [entry.operationId] : [];
      } catch {
        return []; // not a log line of ours
      }
    });
  }

  let operations: OperationBody[] = [];

  it('creates every instance exactly once, both workers taking jobs from the one queue', async () => {
    const accepted = await Promise.all(
      Array.from({ length: INSTANCES }, (_, i) =>
        http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
          body: fullCreateRequest(`cluster-${i}`),
          headers: { Prefer: 'respond-async' },
        }),
      ),
    );
    expect(accepted.map((answer) => answer.status)).toEqual(Array(INSTANCES).fill(202));
    operations = [];
    for (const answer of accepted) operations.push(await waitForOperation(stack.baseUrl, answer.body.id, 240_000));

    expect(operations.map((o) => [o.state, o.attempts])).toEqual(Array(INSTANCES).fill(['SUCCEEDED', 1]));
    const operationIds = operations.map((o) => o.id);
    const instanceIds = operations.map((o) => o.instanceId!);
    expect(new Set(instanceIds).size).toBe(INSTANCES);

    // Each job ran once, in one of the two workers, and each worker ran some.
    const inThisProcess = jobsRun(stack.logs.lines);
    const inChildProcess = jobsRun(childWorker.logs.split('\n'));
    expect([...inThisProcess, ...inChildProcess].sort()).toEqual([...operationIds].sort());
    expect(inThisProcess.length).toBeGreaterThan(0);
    expect(inChildProcess.length).toBeGreaterThan(0);

    // BullMQ saw each job start once: no stalled job was taken over by the other worker.
    const connection = cluster.client();
    const queue = new Queue('provisioning', { connection, prefix });
    try {
      const jobs = await Promise.all(operationIds.map((id) => queue.getJob(`op-${id}`)));
      expect(jobs.map((job) => [job?.finishedOn !== undefined, job?.attemptsStarted])).toEqual(
        Array(INSTANCES).fill([true, 1]),
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }

    // PostgreSQL holds one of each per instance: rows, the operation, the instance.running event.
    const [{ count: instances }] = await stack.db.query<{ count: string }>(
      'SELECT count(*) FROM instances WHERE id = ANY($1)',
      [instanceIds],
    );
    expect(Number(instances)).toBe(INSTANCES);
    const rows = await stack.db.query<{ id: string; state: string }>(
      'SELECT id, state FROM operations WHERE instance_id = ANY($1)',
      [instanceIds],
    );
    expect(rows.map((row) => row.id).sort()).toEqual([...operationIds].sort());
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['SUCCEEDED']));
    const perInstance = await Promise.all(instanceIds.map((id) => rowCounts(id)));
    expect(perInstance[0]).toMatchObject({ orgs: 1, users: 2, machine_keys: 1, 'event:instance.running': 1 });
    for (const counts of perInstance) expect(counts).toEqual(perInstance[0]);
  }, 300_000);

  it('answers /readyz, and limits password attempts on the cluster', async () => {
    expect((await http(stack.baseUrl, 'GET', '/readyz', { token: null })).status).toBe(200);
    const [{ domain }] = await stack.db.query<{ domain: string }>(
      'SELECT domain FROM instance_domains WHERE instance_id = $1 AND is_generated',
      [operations[0].instanceId],
    );
    const wrongPassword = () =>
      http(stack.baseUrl, 'POST', '/api/v2/signin', {
        token: null,
        headers: { host: domain, authorization: basicAuth('alice-cluster-0', 'not-the-password') },
      });
    const statuses: number[] = [];
    for (let i = 0; i <= PASSWORD_ATTEMPTS; i++) statuses.push((await wrongPassword()).status);
    expect(statuses).toEqual([...Array(PASSWORD_ATTEMPTS).fill(401), 429]);
  });

  it('keeps console sessions on the cluster, and the console reads queue counts and both workers’ totals', async () => {
    const signedIn = await http(stack.baseUrl, 'POST', '/console/api/session', {
      body: { token: SYSTEM_TOKEN },
      token: null,
    });
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const session = await http(stack.baseUrl, 'GET', '/console/api/session', { token: null, headers: { cookie } });
    expect(session.body).toMatchObject({ role: 'SYSTEM_OWNER' });

    // Each worker adds its job durations to one hash after the job; the two workers' totals meet there.
    const totals = await until('both workers’ durations to reach the totals', async () => {
      const answer = await http(stack.baseUrl, 'GET', '/console/api/queues', { token: null, headers: { cookie } });
      const provisioning = answer.body.durations.jobs.find((d: { name: string }) => d.name === 'provision-instance');
      return provisioning?.count === INSTANCES && answer.body;
    });
    expect(totals.queues.find((q: { queue: string }) => q.queue === 'provisioning')).toMatchObject({
      completed: INSTANCES,
      failed: 0,
    });
  });

  it('keeps every key it wrote on one node of the cluster, thanks to the hash tag', async () => {
    const byNode = await cluster.keysByNode(`${prefix}*`);
    const holding = [...byNode.values()].filter((keys) => keys.length > 0);
    expect(holding).toHaveLength(1);
    // Keys of each Redis path the earlier tests went through: jobs, worker totals, the limiter, console sessions.
    const written = holding[0].map((key) => key.slice(prefix.length).replace(/(:|op-)[0-9a-f]{16,}.*$/, '$1<id>'));
    expect(written).toEqual(
      expect.arrayContaining([
        ':provisioning:op-<id>',
        ':worker-durations',
        expect.stringMatching(/^:password-attempts:account:/),
        ':console-session:<id>',
      ]),
    );
  });

  async function rowCounts(instanceId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TENANT_TABLES) {
      const [{ count }] = await stack.db.query<{ count: string }>(
        `SELECT count(*) FROM ${table} WHERE instance_id = $1`,
        [instanceId],
      );
      counts[table] = Number(count);
    }
    const events = await stack.db.query<{ event_type: string; count: string }>(
      'SELECT event_type, count(*) FROM events WHERE instance_id = $1 GROUP BY event_type',
      [instanceId],
    );
    for (const { event_type, count } of events) counts[`event:${event_type}`] = Number(count);
    return counts;
  }
});
