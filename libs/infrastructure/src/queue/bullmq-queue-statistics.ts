import { DurationSummary, JobFailure, QueueCounts, QueueStatistics } from '@app/domain';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';

import { AppConfig } from '../config/app-config';
import { QueueName } from './jobs';
import { createRedisConnection, RedisConnection } from './redis-connection';
import { readWorkerDurations } from './worker-durations';

/** QueueStatistics read from BullMQ (every queue of jobs.ts) and the workers' duration totals in Redis. */
@Injectable()
export class BullMqQueueStatistics extends QueueStatistics implements OnApplicationShutdown {
  private connection?: RedisConnection;
  private queues?: Queue[];

  constructor(private readonly config: AppConfig) {
    super();
  }

  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      this.open().map(async (queue) => {
        const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
        return {
          queue: queue.name,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          failed: c.failed ?? 0,
          completed: c.completed ?? 0,
        };
      }),
    );
  }

  async recentFailures(limit: number): Promise<JobFailure[]> {
    const failed = (await Promise.all(this.open().map((queue) => queue.getFailed(0, limit - 1)))).flat();
    return failed
      .filter((job) => job)
      .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))
      .slice(0, limit)
      .map((job) => ({
        queue: job.queueName,
        job: job.name,
        reason: (job.failedReason ?? '').slice(0, 500),
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      }));
  }

  async durations(): Promise<{ jobs: DurationSummary[]; steps: DurationSummary[] }> {
    const { job, step } = await readWorkerDurations(this.connect(), this.config.queuePrefix);
    return { jobs: job, steps: step };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all((this.queues ?? []).map((q) => q.close()));
    this.connection?.disconnect();
  }

  private connect(): RedisConnection {
    this.connection ??= createRedisConnection(this.config, 'queue-statistics');
    return this.connection;
  }

  /** Opened on first use: only the console asks. */
  private open(): Queue[] {
    this.queues ??= Object.values(QueueName).map(
      (name) => new Queue(name, { connection: this.connect(), prefix: this.config.queuePrefix }),
    );
    return this.queues;
  }
}
