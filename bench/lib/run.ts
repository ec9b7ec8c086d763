import { randomBytes } from 'node:crypto';

import { APPLICATION_ROLE, databaseUrlAs } from '@app/infrastructure/config/database-url';

import { JsonClient } from './http';
import { freePort, ServiceProcess, waitUntil, withProvisioningQueue } from './processes';
import { BenchDatabase, deleteRedisKeys } from './services';
import { type BenchSettings } from './settings';

/** Filling 50 pairs takes ~10 s on 2 cores; the worker starts a refill every MACHINE_KEY_POOL_REFILL_MS (5 s). */
const KEY_POOL_FILL_TIMEOUT_MS = 180_000;

/** Everything the run starts (database, queue prefix, API and worker processes), so that one place takes it all down. */
export class BenchRun {
  readonly runId = randomBytes(4).toString('hex');
  readonly queuePrefix = `bench-${process.pid}-${this.runId}`;
  readonly token = randomBytes(24).toString('base64url');
  readonly database: BenchDatabase;
  api?: ServiceProcess;
  worker?: ServiceProcess;
  private client?: JsonClient;
  private env: Record<string, string> = {};
  private cleanUpDone?: Promise<void>;

  constructor(readonly settings: BenchSettings) {
    this.database = new BenchDatabase(settings.ownerDatabaseUrl);
  }

  /** Starts the API and the worker on a fresh database and waits until both are ready; returns a client for the API. */
  async startServices(): Promise<JsonClient> {
    await this.database.create();
    const port = await freePort();
    const { settings } = this;
    this.env = {
      PORT: String(port),
      // The benchmark measures the HTTP API: no gRPC port, no worker metrics port (they would collide with a
      // service already running here on their default ports).
      GRPC_PORT: '-1',
      WORKER_METRICS_PORT: '-1',
      // As production runs: as the application role (created by the migration step), unless the owner is asked for.
      DATABASE_URL:
        settings.databaseRole === 'owner' ? this.database.url : databaseUrlAs(this.database.url, APPLICATION_ROLE),
      MIGRATION_DATABASE_URL: this.database.url,
      MACHINE_KEY_POOL_SIZE: String(settings.keyPoolSize),
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      SYSTEM_API_TOKENS: this.token,
      SECRET_KEY: randomBytes(32).toString('hex'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: String(settings.workerConcurrency),
      // The accept-only phase leaves hundreds of creates pending on purpose: lift the per-caller bound.
      MAX_PENDING_CREATES_PER_CALLER: '1000000',
    };
    this.api = new ServiceProcess('api', 'api', this.env, settings.profileDirectory);
    const concurrency = Math.max(settings.clientConcurrency, settings.tenantConcurrency);
    this.client = new JsonClient(`http://127.0.0.1:${port}`, this.token, concurrency);
    const client = this.client;
    await waitUntil(
      'API (GET /readyz)',
      settings.readyTimeoutSeconds * 1000,
      this.processes(),
      async () => (await client.send('GET', '/readyz')).status === 200,
    );
    await this.startWorker();
    return client;
  }

  /**
   * Starts a worker process (the API must be running) and waits until it listens on the provisioning queue;
   * `keyPoolSize` is its MACHINE_KEY_POOL_SIZE (0: it neither fills nor asks the pool).
   */
  async startWorker(keyPoolSize = this.settings.keyPoolSize): Promise<void> {
    const env = { ...this.env, MACHINE_KEY_POOL_SIZE: String(keyPoolSize) };
    this.worker = new ServiceProcess('worker', 'worker', env, this.settings.profileDirectory);
    await withProvisioningQueue(this.settings.redisUrl, this.queuePrefix, (queue) =>
      waitUntil(
        'worker',
        this.settings.readyTimeoutSeconds * 1000,
        this.processes(),
        async () => (await queue.getWorkersCount()) > 0,
      ),
    );
  }

  /** Stops the worker and waits until the queue no longer counts it, so that nothing runs the next jobs. */
  async stopWorker(): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
    await withProvisioningQueue(this.settings.redisUrl, this.queuePrefix, (queue) =>
      waitUntil('worker gone', 10_000, this.processes(), async () => (await queue.getWorkersCount()) === 0),
    );
  }

  /** The worker anew, with another pool size. */
  async restartWorker(keyPoolSize: number): Promise<void> {
    await this.stopWorker();
    await this.startWorker(keyPoolSize);
  }

  /**
   * Waits until the worker has made the whole machine key pool, as it does while the service is idle: the state in
   * which an idle create finds its key pair made.
   */
  async waitForFullKeyPool(): Promise<void> {
    const size = this.settings.keyPoolSize;
    if (size === 0) return;
    await waitUntil('the machine key pool to fill', KEY_POOL_FILL_TIMEOUT_MS, this.processes(), async () => {
      const [{ free }] = await this.database.query<{ free: number }>(
        'SELECT count(*)::int AS free FROM machine_key_pool WHERE claimed_by IS NULL',
      );
      return free >= size;
    });
  }

  processes(): ServiceProcess[] {
    return [this.api, this.worker].filter((p): p is ServiceProcess => p !== undefined);
  }

  assertServicesRunning = (): void => {
    for (const p of this.processes()) p.assertRunning();
  };

  async stopServices(): Promise<void> {
    this.client?.close();
    await Promise.all(this.processes().map((p) => p.stop()));
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
