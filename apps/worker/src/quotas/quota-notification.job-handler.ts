import { SendQuotaNotificationCommand, webhookRetryDelayMs } from '@app/domain';
import { AppConfig, createRedisConnection, JobName, JobPayloads, QueueName } from '@app/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Job, MinimalJob, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { WorkerMetrics } from '../metrics/worker-metrics';

type NotificationJob = Job<JobPayloads[JobName.NotifyQuota]>;

/** Sends one quota notification per job; a receiver that does not take it fails the job, and BullMQ retries it. */
@Injectable()
export class QuotaNotificationProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly queue = QueueName.QuotaNotifications;
  static readonly handles = [JobName.NotifyQuota];

  private readonly logger = new Logger(QuotaNotificationProcessor.name);
  private connection?: Redis;
  private worker?: Worker;

  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedisConnection(this.config, 'quota-notification-worker');
    this.worker = new Worker(QueueName.QuotaNotifications, (job: NotificationJob) => this.process(job), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: this.config.webhookConcurrency,
      settings: { backoffStrategy: (attemptsMade, _type, _error, job) => this.retryDelay(attemptsMade, job) },
    });
    // Ids only: the call URL may carry credentials and is never logged.
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        { notificationId: job?.data.notificationId, attempt: job?.attemptsMade, err: { message: error.message } },
        'quota notification attempt failed',
      ),
    );
    this.metrics.watch(this.worker);
    this.worker.on('error', (error) =>
      this.logger.error({ err: { message: error.message } }, 'quota notification worker error'),
    );
  }

  private retryDelay(attemptsMade: number, job?: MinimalJob): number {
    const backoff = job?.opts.backoff;
    const base = typeof backoff === 'object' && backoff.delay ? backoff.delay : this.config.webhookBackoffMs;
    return webhookRetryDelayMs(attemptsMade, base, this.config.webhookBackoffMaxMs);
  }

  private async process(job: NotificationJob): Promise<void> {
    const delivered = await this.commands.execute(new SendQuotaNotificationCommand(job.data));
    if (!delivered) throw new Error('the receiver did not take the quota notification');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
