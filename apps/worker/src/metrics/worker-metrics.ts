import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

import { MachineKeyPool, MachineKeyPoolMetrics, StepDurations } from '@app/domain';
import {
  addWorkerDuration,
  AppConfig,
  createRedisConnection,
  DurationKind,
  RedisConnection,
} from '@app/infrastructure';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The worker's Prometheus metrics on a port of its own (WORKER_METRICS_PORT, `GET /metrics`): job durations by queue,
 * job and outcome, provisioning step durations, and the process defaults. Each duration is also added to totals in
 * Redis (see worker-durations.ts), which the console reads for every worker at once.
 */
@Injectable()
export class WorkerMetrics
  extends StepDurations
  implements MachineKeyPoolMetrics, OnApplicationBootstrap, OnApplicationShutdown
{
  readonly registry = new Registry();
  /** The port /metrics listens on, once started; null when WORKER_METRICS_PORT is -1. */
  port: number | null = null;
  private readonly logger = new Logger(WorkerMetrics.name);
  private readonly jobs: Histogram<'queue' | 'job' | 'outcome'>;
  private readonly steps: Histogram<'step'>;
  private readonly keyPoolClaims: Counter<'outcome'>;
  private server?: Server;
  private redis?: RedisConnection;

  constructor(
    private readonly config: AppConfig,
    keyPool: MachineKeyPool,
  ) {
    super();
    collectDefaultMetrics({ register: this.registry });
    this.keyPoolClaims = new Counter({
      name: 'machine_key_pool_claims_total',
      help: 'Creates that found their RSA key pair in the pool (hit) or had to make one (miss)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'machine_key_pool_depth',
      help: 'RSA key pairs in the pool, made ahead of need (read at each scrape)',
      registers: [this.registry],
      async collect() {
        this.set(await keyPool.depth());
      },
    });
    this.jobs = new Histogram({
      name: 'worker_job_duration_seconds',
      help: 'Time a worker spent on one job attempt, by queue, job name and outcome',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: BUCKETS,
      registers: [this.registry],
    });
    this.steps = new Histogram({
      name: 'worker_provisioning_step_duration_seconds',
      help: 'Time one provisioning step took, by step',
      labelNames: ['step'],
      buckets: BUCKETS,
      registers: [this.registry],
    });
  }

  /** Times every job attempt of a BullMQ worker (processedOn to finishedOn). */
  watch(worker: Worker): void {
    const observe = (job: { name: string; processedOn?: number; finishedOn?: number } | undefined, outcome: string) => {
      if (!job?.processedOn || !job.finishedOn) return;
      const seconds = (job.finishedOn - job.processedOn) / 1000;
      this.jobs.observe({ queue: worker.name, job: job.name, outcome }, seconds);
      this.addToTotals('job', job.name, seconds);
    };
    worker.on('completed', (job) => observe(job, 'completed'));
    worker.on('failed', (job) => observe(job, 'failed'));
  }

  countClaim(outcome: 'hit' | 'miss'): void {
    this.keyPoolClaims.inc({ outcome });
  }

  record(step: string, seconds: number): void {
    this.steps.observe({ step }, seconds);
    this.addToTotals('step', step, seconds);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workerMetricsPort < 0) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end();
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) =>
      this.server!.once('error', reject).listen(this.config.workerMetricsPort, resolve),
    );
    this.port = (this.server.address() as AddressInfo).port;
    this.logger.log(`worker metrics on http://localhost:${this.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
    this.redis?.disconnect();
  }

  /** Never fails a job: a lost total is only a gap in the console's averages. */
  private addToTotals(kind: DurationKind, name: string, seconds: number): void {
    this.redis ??= createRedisConnection(this.config, 'worker-metrics');
    addWorkerDuration(this.redis, this.config.queuePrefix, kind, name, seconds).catch((error: Error) =>
      this.logger.warn({ err: { message: error.message } }, 'could not add a duration to the totals in Redis'),
    );
  }
}
