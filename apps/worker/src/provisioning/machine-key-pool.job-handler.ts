import { RefillMachineKeyPoolCommand } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { type JobHandler } from '../jobs/job-handler';

/** Tops the machine key pool up while provisioning is idle; scheduled every MACHINE_KEY_POOL_REFILL_MS. */
@Injectable()
export class MachineKeyPoolJobHandler implements JobHandler<JobName.RefillMachineKeyPool> {
  static readonly handles = [JobName.RefillMachineKeyPool];

  private readonly logger = new Logger(MachineKeyPoolJobHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle(): Promise<number> {
    const added: number = await this.commands.execute(new RefillMachineKeyPoolCommand());
    if (added > 0) this.logger.log({ added }, 'machine key pool topped up');
    return added;
  }
}
