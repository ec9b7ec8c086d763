import { EraseExpiredSecretsCommand } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { type JobHandler } from '../jobs/job-handler';

/** Periodic upkeep, run by a job scheduler (see queue-settings.ts) so that however many workers run, each tick runs once. */
@Injectable()
export class MaintenanceJobHandler implements JobHandler<JobName.EraseExpiredSecrets> {
  static readonly handles = [JobName.EraseExpiredSecrets];

  private readonly logger = new Logger(MaintenanceJobHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle(): Promise<number> {
    const erased = await this.commands.execute(new EraseExpiredSecretsCommand());
    if (erased > 0) this.logger.log({ erased }, 'erased expired operation secrets');
    return erased;
  }
}
