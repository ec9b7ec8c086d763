import { OutboxNotifications, RelayWebhookOutboxCommand } from '@app/domain';
import { AppConfig, createRedisConnection, JobName, QueueName } from '@app/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { WorkerMetrics } from '../metrics/worker-metrics';

/**
 * Moves committed outbox events to the delivery queue. A BullMQ job scheduler runs the relay every
 * WEBHOOK_RELAY_INTERVAL_MS (once per tick however many workers run); a PostgreSQL NOTIFY sent at commit nudges it
 * at once. Relays in several workers share the work through FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class WebhookRelayProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly queue = QueueName.WebhookRelay;
  static readonly handles = [JobName.RelayWebhookOutbox];

  private readonly logger = new Logger(WebhookRelayProcessor.name);
  private connection?: Redis;
  private queue?: Queue;
  private worker?: Worker;
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly commands: CommandBus,
    private readonly notifications: OutboxNotifications,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = createRedisConnection(this.config, 'webhook-relay-worker');
    const options = { connection: this.connection, prefix: this.config.queuePrefix };
    this.queue = new Queue(QueueName.WebhookRelay, options);
    await this.queue.upsertJobScheduler(
      JobName.RelayWebhookOutbox,
      { every: this.config.webhookRelayIntervalMs },
      {
        name: JobName.RelayWebhookOutbox,
        data: {},
        opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
      },
    );
    this.worker = new Worker(QueueName.WebhookRelay, () => this.relay(), { ...options, concurrency: 1 });
    this.metrics.watch(this.worker);
    this.worker.on('error', (error) =>
      this.logger.error({ err: { message: error.message } }, 'webhook relay worker error'),
    );
    this.unsubscribe = await this.notifications.subscribe(() => void this.nudge());
  }

  private async relay(): Promise<number> {
    const { events, deliveries } = await this.commands.execute(new RelayWebhookOutboxCommand());
    if (events > 0) this.logger.log({ events, deliveries }, 'relayed outbox events to webhook deliveries');
    return deliveries;
  }

  /** One waiting nudge at a time: while one waits, further notifications are folded into it. */
  private async nudge(): Promise<void> {
    try {
      await this.queue?.add(
        JobName.RelayWebhookOutbox,
        {},
        { deduplication: { id: 'outbox-nudge' }, removeOnComplete: true, removeOnFail: true },
      );
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'could not nudge the webhook relay');
    }
  }

  /** Before the database and the queue adapters close (their hooks run at onApplicationShutdown), so that active jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.unsubscribe?.();
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
