/**
 * `npm run bench`: provisioning throughput of one API and ONE worker process on this machine, against the
 * machine's ceiling for the same crypto work (RSA-2048 key + argon2id hash per instance).
 *
 * Env: BENCH_INSTANCES (200), BENCH_CLIENT_CONCURRENCY (16), BENCH_WORKER_CONCURRENCY (4), BENCH_CEILING_SECONDS (10),
 * BENCH_TIMEOUT_SECONDS (120), BENCH_READY_TIMEOUT_SECONDS (60); DATABASE_URL's server and REDIS_URL if set.
 * Writes bench/results/latest.json; exits 1 unless every instance was provisioned.
 */
import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { measureCeiling } from './lib/ceiling';
import { JsonClient } from './lib/http';
import { sendCreates, waitForOperations } from './lib/load';
import { freePort, ServiceProcess, waitUntil, withProvisioningQueue } from './lib/processes';
import { buildReport, formatReport, isCleanRun, writeReport } from './lib/report';
import { BenchDatabase, deleteRedisKeys } from './lib/services';
import { type BenchSettings, readSettings } from './lib/settings';

const RESULTS_FILE = join(__dirname, 'results', 'latest.json');

/** Everything the run starts, so that one place can take it all down again. */
class BenchRun {
  readonly runId = randomBytes(4).toString('hex');
  readonly queuePrefix = `bench-${process.pid}-${this.runId}`;
  readonly token = randomBytes(24).toString('base64url');
  readonly database: BenchDatabase;
  processes: ServiceProcess[] = [];
  client?: JsonClient;
  private cleanUpDone?: Promise<void>;

  constructor(readonly settings: BenchSettings) {
    this.database = new BenchDatabase(settings.adminDatabaseUrl);
  }

  /** Starts the API and the worker on a fresh database and waits until both are ready; returns a client for the API. */
  async startServices(): Promise<JsonClient> {
    await this.database.create();
    const port = await freePort();
    const env = {
      PORT: String(port),
      // The benchmark measures the HTTP API: no gRPC port, no worker metrics port (they would collide with a
      // service already running here on their default ports).
      GRPC_PORT: '-1',
      WORKER_METRICS_PORT: '-1',
      DATABASE_URL: this.database.url,
      REDIS_URL: this.settings.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      SYSTEM_API_TOKENS: this.token,
      SECRET_KEY: randomBytes(32).toString('hex'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: String(this.settings.workerConcurrency),
      // the benchmark queues every create at once on purpose: lift the per-caller bound on pending creates
      MAX_PENDING_CREATES_PER_CALLER: String(Math.max(100, this.settings.instances)),
    };
    this.processes = [new ServiceProcess('api', 'api', env), new ServiceProcess('worker', 'worker', env)];
    this.client = new JsonClient(`http://127.0.0.1:${port}`, this.token, this.settings.clientConcurrency);
    const timeoutMs = this.settings.readyTimeoutSeconds * 1000;
    const client = this.client;
    await waitUntil(
      'API (GET /readyz)',
      timeoutMs,
      this.processes,
      async () => (await client.send('GET', '/readyz')).status === 200,
    );
    await withProvisioningQueue(this.settings.redisUrl, this.queuePrefix, (queue) =>
      waitUntil('worker', timeoutMs, this.processes, async () => (await queue.getWorkersCount()) > 0),
    );
    return client;
  }

  assertServicesRunning = (): void => {
    for (const p of this.processes) p.assertRunning();
  };

  async stopServices(): Promise<void> {
    this.client?.close();
    await Promise.all(this.processes.map((p) => p.stop()));
  }

  /** Stops the processes, drops the database and deletes the Redis keys; each step even if another failed. */
  cleanUp(): Promise<void> {
    this.cleanUpDone ??= this.runCleanUpSteps();
    return this.cleanUpDone;
  }

  private async runCleanUpSteps(): Promise<void> {
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['stop services', () => this.stopServices()],
      ['drop database', () => this.database.drop()],
      ['delete Redis keys', () => deleteRedisKeys(this.settings.redisUrl, this.queuePrefix)],
    ];
    for (const [name, step] of steps) {
      await step().catch((error: unknown) =>
        console.error(`clean-up: ${name} failed: ${error instanceof Error ? error.message : error}`),
      );
    }
  }
}

async function benchmark(run: BenchRun): Promise<boolean> {
  const { settings } = run;
  const loadAverageAtStart = loadavg();
  // The ceiling first, on the quiet machine and in the same run, as the performance goals define it.
  const lanes = 2 * cpus().length;
  log(`measuring the ceiling for ${settings.ceilingSeconds} s with ${lanes} lanes (key and hash together)`);
  const ceiling = await measureCeiling(lanes, settings.ceilingSeconds);
  log(`starting API and worker (database ${run.database.name}, queue prefix ${run.queuePrefix})`);
  const client = await run.startServices();
  log(
    `sending ${settings.instances} creates (client concurrency ${settings.clientConcurrency}, worker concurrency ${settings.workerConcurrency})`,
  );
  const deadline = Date.now() + settings.provisioningTimeoutSeconds * 1000;
  const { accepted, rejected } = await sendCreates(client, run.runId, settings.instances, settings.clientConcurrency);
  for (const r of rejected.slice(0, 5)) console.error(`create #${r.index} not accepted: ${r.status} ${r.detail}`);
  log(`${accepted.length} accepted; waiting for the operations to finish`);
  const ids = accepted.map((call) => call.operationId);
  const rows = await waitForOperations(run.database, ids, deadline, run.assertServicesRunning);
  await run.stopServices();
  const report = buildReport(settings, accepted, rejected, rows, ceiling, loadAverageAtStart);
  writeReport(RESULTS_FILE, report);
  console.log(`\n${formatReport(report)}\n\nwritten to ${RESULTS_FILE}`);
  return isCleanRun(report);
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

async function main(): Promise<void> {
  const run = new BenchRun(readSettings());
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void run.cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let clean = false;
  try {
    clean = await benchmark(run);
  } catch (error) {
    console.error(`benchmark failed: ${error instanceof Error ? error.message : error}`);
  } finally {
    await run.cleanUp();
  }
  if (!clean) console.error('FAILED: not every instance was provisioned');
  process.exit(clean ? 0 : 1);
}

void main();
