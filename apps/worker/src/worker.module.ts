import { MachineKeyPoolMetrics, quotaWorkerCommandHandlers, StepDurations, workerCommandHandlers } from '@app/domain';
import { AppConfigModule, LoggingModule, shutdownLog } from '@app/infrastructure';
import { PersistenceModule } from '@app/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { DestinationStream } from 'pino';

import { jobHandlers } from './job-handlers';
import { JobRunner } from './jobs/job-runner';
import { WorkerMetrics } from './metrics/worker-metrics';
import { WebhookRelayNudge } from './webhooks/webhook-relay-nudge';

export interface WorkerModuleOptions {
  config?: Record<string, string>;
  logDestination?: DestinationStream;
}

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(options.config),
        LoggingModule.forRoot(options.logDestination),
        PersistenceModule,
        CqrsModule.forRoot(),
      ],
      providers: [
        WorkerMetrics,
        { provide: StepDurations, useExisting: WorkerMetrics },
        { provide: MachineKeyPoolMetrics, useExisting: WorkerMetrics },
        ...workerCommandHandlers,
        ...quotaWorkerCommandHandlers,
        ...jobHandlers,
        JobRunner,
        WebhookRelayNudge,
        shutdownLog('worker', 'finishing the active jobs'),
      ],
    };
  }
}
