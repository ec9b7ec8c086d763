import { Id, WebhookDeliveryQueue } from '@app/domain';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';

import { AppConfig } from '../config/app-config';
import { jobId, JobName, JobPayloads, QueueName } from './jobs';
import { createRedisConnection, RedisConnection } from './redis-connection';

/** The backoff type the delivery worker computes (capped exponential, see webhookRetryDelayMs). */
export const WEBHOOK_BACKOFF_TYPE = 'webhook';

/** Connects on first use: the API binds every port but never queues deliveries. */
@Injectable()
export class BullMqWebhookQueue extends WebhookDeliveryQueue implements OnApplicationShutdown {
  private connection?: RedisConnection;
  private queue?: Queue<JobPayloads[JobName.DeliverWebhook]>;
  private closed = false;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async enqueueDeliveries(deliveryIds: readonly Id[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    // The job id comes from the delivery id: queuing the same delivery twice is a no-op.
    await this.open().addBulk(
      deliveryIds.map((deliveryId) => ({
        name: JobName.DeliverWebhook,
        data: { deliveryId },
        opts: {
          jobId: jobId.delivery(deliveryId),
          attempts: this.config.webhookAttempts,
          backoff: { type: WEBHOOK_BACKOFF_TYPE, delay: this.config.webhookBackoffMs },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
  }

  private open(): Queue<JobPayloads[JobName.DeliverWebhook]> {
    // A relay tick that outlives the shutdown must fail (its transaction rolls back; the events stay in the outbox)
    // rather than open a connection that nothing would close.
    if (this.closed) throw new Error('the webhook delivery queue is closed: the process is stopping');
    if (!this.queue) {
      this.connection = createRedisConnection(this.config, 'webhook-queue');
      this.queue = new Queue(QueueName.Webhooks, { connection: this.connection, prefix: this.config.queuePrefix });
    }
    return this.queue;
  }

  /** At the last shutdown phase, after the worker's JobRunner has stopped taking jobs (it stops before it). */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
