import { Id, ProvisioningBacklog, ProvisioningQueue } from '@app/domain';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';

import { AppConfig } from '../config/app-config';
import { jobId, JobName, JobPayloads, QueueName } from './jobs';
import { createRedisConnection, RedisConnection } from './redis-connection';

/** BullMQ priorities run from 1 (first) to 2 097 152 (last); System API jobs have none, which comes before all of them. */
export const TENANT_JOB_PRIORITY = 10;

@Injectable()
export class BullMqProvisioningQueue extends ProvisioningQueue implements ProvisioningBacklog, OnApplicationShutdown {
  readonly connection: RedisConnection;
  readonly queue: Queue<{ operationId: string }>;

  constructor(private readonly config: AppConfig) {
    super();
    this.connection = createRedisConnection(config, 'provisioning-queue');
    this.queue = new Queue(QueueName.Provisioning, { connection: this.connection, prefix: config.queuePrefix });
  }

  enqueueProvisioning(operationId: Id): Promise<void> {
    return this.enqueue(JobName.ProvisionInstance, { operationId });
  }

  /**
   * Tenant-initiated: a lower priority than System API jobs. In BullMQ 5 a job without priority (0) waits in the
   * plain wait list, which workers empty before they take any prioritized job, so a tenant's onboardings never delay
   * a System API create (they run when no create is waiting).
   */
  enqueueOnboarding(operationId: Id): Promise<void> {
    return this.enqueue(JobName.Onboard, { operationId }, TENANT_JOB_PRIORITY);
  }

  enqueueRemoval(operationId: Id): Promise<void> {
    return this.enqueue(JobName.RemoveInstance, { operationId });
  }

  /** ProvisioningBacklog: creates, onboardings and removals waiting (prioritized included) or running. */
  async jobsWaitingOrRunning(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'active');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  private async enqueue<N extends JobName.ProvisionInstance | JobName.Onboard | JobName.RemoveInstance>(
    name: N,
    payload: JobPayloads[N],
    priority?: number,
  ): Promise<void> {
    // The job id comes from the operation id: enqueuing the same operation twice is a no-op in BullMQ.
    await this.queue.add(name, payload, {
      jobId: jobId.operation(payload.operationId),
      ...(priority !== undefined ? { priority } : {}),
      attempts: this.config.jobAttempts,
      backoff: { type: 'exponential', delay: this.config.jobBackoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  /** At the last shutdown phase, once the HTTP server no longer takes requests that could enqueue. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
