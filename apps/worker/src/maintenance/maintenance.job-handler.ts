import { EraseExpiredSecretsCommand } from '@app/domain';
import { AppConfig, createRedisConnection, JobName, QueueName } from '@app/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { WorkerMetrics } from '../metrics/worker-metrics';

/**
 * Periodic upkeep, scheduled in Redis (a BullMQ job scheduler) so that however many workers run, each tick runs once.
 */
@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly queue = QueueName.Maintenance;
  static readonly handles = [JobName.EraseExpiredSecrets];

  private readonly logger = new Logger(MaintenanceProcessor.name);
  private connection?: Redis;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = createRedisConnection(this.config, 'maintenance-worker');
    const options = { connection: this.connection, prefix: this.config.queuePrefix };
    this.queue = new Queue(QueueName.Maintenance, options);
    await this.queue.upsertJobScheduler(
      JobName.EraseExpiredSecrets,
      { every: this.config.secretSweepIntervalMs },
      {
        name: JobName.EraseExpiredSecrets,
        data: {},
        opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
      },
    );
    this.worker = new Worker(
      QueueName.Maintenance,
      async () => {
        const erased = await this.commands.execute(new EraseExpiredSecretsCommand());
        if (erased > 0) this.logger.log({ erased }, 'erased expired operation secrets');
        return erased;
      },
      { ...options, concurrency: 1 },
    );
    this.metrics.watch(this.worker);
  }

  /** Before the database and the queue adapters close (their hooks run at onApplicationShutdown), so that active jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
