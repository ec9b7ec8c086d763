import { OnboardCommand, OperationState, ProvisionInstanceCommand, PurgeInstanceCommand } from '@app/domain';
import { AppConfig, createRedisConnection, JobName, JobPayloads, QueueName } from '@app/persistence';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { WorkerMetrics } from '../metrics/worker-metrics';

type ProvisioningJobName = JobName.ProvisionInstance | JobName.Onboard | JobName.RemoveInstance;
type ProvisioningJob = Job<JobPayloads[ProvisioningJobName]>;

/** Runs provisioning and onboarding jobs: loads nothing itself, dispatches the command for the job's operation. */
@Injectable()
export class ProvisioningProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly queue = QueueName.Provisioning;
  static readonly handles = [JobName.ProvisionInstance, JobName.Onboard, JobName.RemoveInstance];

  private readonly logger = new Logger(ProvisioningProcessor.name);
  private connection?: Redis;
  private worker?: Worker;

  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedisConnection(this.config, 'provisioning-worker');
    this.worker = new Worker(QueueName.Provisioning, (job: ProvisioningJob) => this.process(job), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: this.config.workerConcurrency,
      lockDuration: this.config.workerLockDurationMs,
      stalledInterval: Math.max(1000, Math.floor(this.config.workerLockDurationMs / 2)),
      maxStalledCount: 2,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        { jobId: job?.id, attempt: job?.attemptsMade, err: { message: error.message } },
        'provisioning attempt failed',
      ),
    );
    this.metrics.watch(this.worker);
    this.worker.on('error', (error) => this.logger.error({ err: { message: error.message } }, 'worker error'));
  }

  private async process(job: ProvisioningJob): Promise<string> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const started = Date.now();
    const state = await this.dispatch(job.name as ProvisioningJobName, job.data.operationId, finalAttempt);
    this.logger.log({ operationId: job.data.operationId, state, ms: Date.now() - started }, 'provisioning job done');
    return state;
  }

  private dispatch(name: ProvisioningJobName, operationId: string, finalAttempt: boolean): Promise<OperationState> {
    switch (name) {
      case JobName.ProvisionInstance:
        return this.commands.execute(new ProvisionInstanceCommand(operationId, finalAttempt));
      case JobName.Onboard:
        return this.commands.execute(new OnboardCommand(operationId, finalAttempt));
      case JobName.RemoveInstance:
        return this.commands.execute(new PurgeInstanceCommand(operationId));
      default: {
        const unknown: never = name;
        throw new Error(`no processor for job ${String(unknown)}`);
      }
    }
  }

  /** Lets active jobs finish, then disconnects. */
  /** Before the database and the queue adapters close (their hooks run at onApplicationShutdown), so that active jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }

  /** For tests that simulate a crash: stops at once without finishing or releasing active jobs. */
  async kill(): Promise<void> {
    await this.worker?.close(true);
    this.connection?.disconnect();
  }
}
