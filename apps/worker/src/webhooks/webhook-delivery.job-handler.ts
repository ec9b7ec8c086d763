import { DeliverWebhookCommand, DeliveryStatus, webhookRetryDelayMs } from '@app/domain';
import { AppConfig, createRedisConnection, JobName, JobPayloads, QueueName } from '@app/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Job, MinimalJob, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { WorkerMetrics } from '../metrics/worker-metrics';

type DeliveryJob = Job<JobPayloads[JobName.DeliverWebhook]>;

/** An attempt that did not succeed: BullMQ retries the job after the capped exponential backoff. */
class DeliveryAttemptFailed extends Error {}

/** Runs one delivery attempt per job; a failed attempt fails the job so that BullMQ retries it later. */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly queue = QueueName.Webhooks;
  static readonly handles = [JobName.DeliverWebhook];

  private readonly logger = new Logger(WebhookDeliveryProcessor.name);
  private connection?: Redis;
  private worker?: Worker;

  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedisConnection(this.config, 'webhook-delivery-worker');
    this.worker = new Worker(QueueName.Webhooks, (job: DeliveryJob) => this.process(job), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: this.config.webhookConcurrency,
      settings: { backoffStrategy: (attemptsMade, _type, _error, job) => this.retryDelay(attemptsMade, job) },
    });
    // Ids and statuses only: the URL may carry credentials and is never logged.
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        { deliveryId: job?.data.deliveryId, attempt: job?.attemptsMade, err: { message: error.message } },
        'webhook delivery attempt failed',
      ),
    );
    this.metrics.watch(this.worker);
    this.worker.on('error', (error) =>
      this.logger.error({ err: { message: error.message } }, 'webhook delivery worker error'),
    );
  }

  /** Capped exponential from the delay the job was queued with (WEBHOOK_BACKOFF_MS then). */
  private retryDelay(attemptsMade: number, job?: MinimalJob): number {
    const backoff = job?.opts.backoff;
    const base = typeof backoff === 'object' && backoff.delay ? backoff.delay : this.config.webhookBackoffMs;
    return webhookRetryDelayMs(attemptsMade, base, this.config.webhookBackoffMaxMs);
  }

  private async process(job: DeliveryJob): Promise<DeliveryStatus | null> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const status = await this.commands.execute(new DeliverWebhookCommand(job.data.deliveryId, finalAttempt));
    if (status === DeliveryStatus.Pending)
      throw new DeliveryAttemptFailed('the receiver did not accept the delivery; it will be retried');
    if (status === DeliveryStatus.Failed)
      throw new DeliveryAttemptFailed('the receiver did not accept the delivery; no attempts left');
    return status;
  }

  /** Before the database and the queue adapters close (their hooks run at onApplicationShutdown), so that active jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
