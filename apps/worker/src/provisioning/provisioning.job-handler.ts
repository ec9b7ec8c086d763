import { OnboardCommand, OperationState, ProvisionInstanceCommand, PurgeInstanceCommand } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { type JobHandler, type JobOf } from '../jobs/job-handler';

type ProvisioningJobName = JobName.ProvisionInstance | JobName.Onboard | JobName.RemoveInstance;

/** Runs provisioning, onboarding and removal jobs: loads nothing itself, dispatches the command for the job's operation. */
@Injectable()
export class ProvisioningJobHandler implements JobHandler<ProvisioningJobName> {
  static readonly handles = [JobName.ProvisionInstance, JobName.Onboard, JobName.RemoveInstance];

  private readonly logger = new Logger(ProvisioningJobHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle(job: JobOf<ProvisioningJobName>): Promise<OperationState> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const started = Date.now();
    const state = await this.dispatch(job.name, job.data.operationId, finalAttempt);
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
        throw new Error(`no handler for job ${String(unknown)}`);
      }
    }
  }
}
