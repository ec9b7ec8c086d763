import 'reflect-metadata';

import { type AddressInfo } from 'node:net';

import { type INestApplication, type INestApplicationContext } from '@nestjs/common';

import { createApiApp } from '../../apps/api/src/create-api-app';
import { SystemGrpcServer } from '../../apps/api/src/system/grpc/system-grpc.server';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { ContractRecorder } from './contract-recorder';
import { LogSink } from './log-sink';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TestRedis } from './test-redis';

export const SYSTEM_TOKEN = 'test-system-token-0123456789abcdef';

export interface StackOptions {
  /** Start the worker too (default true). */
  worker?: boolean;
  /** Serve native gRPC on a free port too (stack.grpcUrl); off by default. */
  grpc?: boolean;
  config?: Record<string, string>;
}

/**
 * The real API (listening on a free port) and worker, in this process, on a database and a Redis prefix of
 * their own. Logs of both go to `logs`.
 */
export class TestStack {
  readonly logs = new LogSink();
  readonly redis = new TestRedis();
  /** Every tenant API response, for checks against the InfluxDB contracts. */
  readonly contract = new ContractRecorder();
  db!: TestDatabase;
  api!: INestApplication;
  workers: INestApplicationContext[] = [];
  baseUrl!: string;
  /** `http://127.0.0.1:<port>` of the System API's native gRPC (h2c) server, with `grpc: true`. */
  grpcUrl!: string;
  config!: Record<string, string>;

  static async start(options: StackOptions = {}): Promise<TestStack> {
    const stack = new TestStack();
    await stack.boot(options);
    return stack;
  }

  private async boot(options: StackOptions): Promise<void> {
    this.db = await createTestDatabase();
    this.config = {
      NODE_ENV: 'test',
      DATABASE_URL: this.db.applicationUrl,
      MIGRATION_DATABASE_URL: this.db.url,
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: this.redis.prefix,
      SYSTEM_API_TOKENS: SYSTEM_TOKEN,
      SECRET_KEY: '0'.repeat(63) + '1',
      BASE_DOMAIN: 'test.localhost',
      PORT: '0',
      GRPC_PORT: options.grpc ? '0' : '-1',
      WORKER_METRICS_PORT: '0',
      JOB_BACKOFF_MS: '100',
      // Off unless a test is about the pool: making key pairs in every stack would only slow the suite down.
      MACHINE_KEY_POOL_SIZE: '0',
      LOG_LEVEL: 'info',
      ...options.config,
    };
    this.api = await createApiApp({ config: this.config, logDestination: this.logs });
    this.contract.attach(this.api.getHttpServer());
    await this.api.listen(0, '127.0.0.1');
    const { port } = this.api.getHttpServer().address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    const grpcPort = this.api.get(SystemGrpcServer).port;
    if (grpcPort !== null) this.grpcUrl = `http://127.0.0.1:${grpcPort}`;
    if (options.worker !== false) await this.startWorker();
  }

  async startWorker(config: Record<string, string> = {}): Promise<INestApplicationContext> {
    const worker = await createWorkerApp({ config: { ...this.config, ...config }, logDestination: this.logs });
    this.workers.push(worker);
    return worker;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.api?.close();
    await this.redis.clear();
    await this.db?.drop();
  }
}
