import { DueQuotaNotification, QuotaNotificationQueue } from '@app/domain';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';

import { AppConfig } from '../config/app-config';
import { WEBHOOK_BACKOFF_TYPE } from './bullmq-webhook.queue';
import { jobId, JobName, JobPayloads, QueueName } from './jobs';
import { createRedisConnection, RedisConnection } from './redis-connection';

/** Connects on first use. Retries like webhook deliveries (WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF_MS). */
@Injectable()
export class BullMqQuotaNotificationQueue extends QuotaNotificationQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(BullMqQuotaNotificationQueue.name);
  private connection?: RedisConnection;
  private queue?: Queue<JobPayloads[JobName.NotifyQuota]>;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async enqueue(due: readonly DueQuotaNotification[]): Promise<void> {
    try {
      await this.open().addBulk(
        due.map((d) => ({
          name: JobName.NotifyQuota,
          data: { ...d },
          opts: {
            jobId: jobId.quotaNotification(d.notificationId, d.periodStart, d.threshold),
            attempts: this.config.webhookAttempts,
            backoff: { type: WEBHOOK_BACKOFF_TYPE, delay: this.config.webhookBackoffMs },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
      );
    } catch (error) {
      // A notification lost to a Redis outage must not fail the tenant request that crossed the threshold.
      this.logger.error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'quota notification not queued',
      );
    }
  }

  private open(): Queue<JobPayloads[JobName.NotifyQuota]> {
    if (!this.queue) {
      this.connection = createRedisConnection(this.config, 'quota-notification-queue');
      this.queue = new Queue(QueueName.QuotaNotifications, {
        connection: this.connection,
        prefix: this.config.queuePrefix,
      });
    }
    return this.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
