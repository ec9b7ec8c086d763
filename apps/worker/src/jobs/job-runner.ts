import {
  AppConfig,
  createRedisConnection,
  type JobName,
  type JobPayloads,
  JOBS_BY_QUEUE,
  QueueName,
  type RedisConnection,
} from '@app/infrastructure';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type Job, type JobsOptions, Queue, Worker, type WorkerOptions } from 'bullmq';

import { jobHandlers } from '../job-handlers';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { type JobHandler } from './job-handler';
import { type QueueSettings, queueSettings } from './queue-settings';

/** What a job scheduler's jobs keep of their past: enough to look at, not a growing list. */
const SCHEDULED_JOB_OPTIONS: JobsOptions = { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } };

/** One queue as the worker runs it: its Redis connection, its BullMQ worker, and a Queue once jobs are added. */
interface RunningQueue {
  readonly connection: RedisConnection;
  worker?: Worker;
  queue?: Queue;
}

/**
 * The worker's only BullMQ code: one BullMQ Worker per queue (with the queue's settings, see queue-settings.ts), each
 * job routed by its name to the one handler that lists it (see job-handlers.ts), failed attempts logged, durations
 * timed, job schedulers kept, and at shutdown no new job taken while the active ones finish.
 *
 * To add a job: its name, payload and queue in libs/infrastructure/src/queue/jobs.ts; a handler class with `static
 * handles` and `handle(job)` in jobHandlers (job-handlers.ts); for a new queue its settings, and for a periodic job a
 * line in its queue's `schedules` (queue-settings.ts).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly running = new Map<QueueName, RunningQueue>();
  private closed = false;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = queueSettings(this.config);
    for (const name of Object.values(QueueName)) {
      await this.schedule(name, settings[name]);
      this.start(name, settings[name]);
    }
  }

  /** Queues a job from inside the worker (a nudge, say); refused once the runner has begun to stop. */
  async add<N extends JobName>(name: N, data: JobPayloads[N], options?: JobsOptions): Promise<void> {
    await this.queueOf(name).add(name, data, options);
  }

  /** Before the database and the queue adapters close (their hooks run at onApplicationShutdown), so that active jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    const running = [...this.running.values()];
    await Promise.all(running.map(({ worker }) => worker?.close()));
    await Promise.all(running.map(({ queue }) => queue?.close()));
    for (const { connection } of running) connection.disconnect();
  }

  private start(name: QueueName, settings: QueueSettings): void {
    const route = this.routeOf(name);
    const { connection } = this.runningQueue(name);
    const options = this.workerOptions(connection, settings);
    const worker = new Worker(
      name,
      (job: Job) => {
        const handler = route.get(job.name as JobName);
        if (!handler) throw new Error(`no handler for job ${name}/${job.name}`);
        return handler.handle(job as never);
      },
      options,
    );
    // The job id names the operation, delivery or notification; the payload is not logged.
    worker.on('failed', (job, error) =>
      this.logger.warn(
        { queue: name, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: { message: error.message } },
        `${name} job attempt failed`,
      ),
    );
    worker.on('error', (error) => this.logger.error({ queue: name, err: { message: error.message } }, 'worker error'));
    this.metrics.watch(worker);
    this.runningQueue(name).worker = worker;
  }

  private workerOptions(connection: RedisConnection, settings: QueueSettings): WorkerOptions {
    const options: WorkerOptions = { connection, prefix: this.config.queuePrefix, concurrency: settings.concurrency };
    const { lockDurationMs, retryDelayMs } = settings;
    if (lockDurationMs !== undefined) {
      options.lockDuration = lockDurationMs;
      options.stalledInterval = Math.max(1000, Math.floor(lockDurationMs / 2));
      // A job may stall twice (its worker died or hung) before it fails as stalled.
      options.maxStalledCount = 2;
    }
    if (retryDelayMs) {
      options.settings = { backoffStrategy: (attemptsMade, _type, _error, job) => retryDelayMs(attemptsMade, job) };
    }
    return options;
  }

  /** Creates or updates each job scheduler of the queue (kept in Redis, so every worker may do it at each start). */
  private async schedule(name: QueueName, settings: QueueSettings): Promise<void> {
    for (const { job, everyMs } of settings.schedules ?? []) {
      if (!JOBS_BY_QUEUE[name].includes(job)) throw new Error(`job ${job} is scheduled on ${name}, not its queue`);
      await this.queueOf(job).upsertJobScheduler(
        job,
        { every: everyMs },
        { name: job, data: {}, opts: SCHEDULED_JOB_OPTIONS },
      );
    }
  }

  /** Job name to handler instance, for the jobs of one queue. */
  private routeOf(name: QueueName): Map<JobName, JobHandler> {
    const route = new Map<JobName, JobHandler>();
    for (const handlerClass of jobHandlers) {
      const jobs = handlerClass.handles.filter((job) => JOBS_BY_QUEUE[name].includes(job));
      if (jobs.length === 0) continue;
      const handler = this.moduleRef.get<JobHandler>(handlerClass, { strict: false });
      for (const job of jobs) route.set(job, handler);
    }
    return route;
  }

  private queueOf(job: JobName): Queue {
    if (this.closed) throw new Error('the job runner is closed: the process is stopping');
    const name = (Object.keys(JOBS_BY_QUEUE) as QueueName[]).find((queue) => JOBS_BY_QUEUE[queue].includes(job));
    if (!name) throw new Error(`job ${job} belongs to no queue`);
    const running = this.runningQueue(name);
    running.queue ??= new Queue(name, { connection: running.connection, prefix: this.config.queuePrefix });
    return running.queue;
  }

  /** One Redis connection per queue, named `<prefix>:<queue>-worker` so that CLIENT LIST tells them apart. */
  private runningQueue(name: QueueName): RunningQueue {
    const existing = this.running.get(name);
    if (existing) return existing;
    const running: RunningQueue = { connection: createRedisConnection(this.config, `${name}-worker`) };
    this.running.set(name, running);
    return running;
  }
}
