import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { instanceEvents } from '../../instances/admin/instance-events';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { checkInstanceName } from '../../instances/instance-name';
import { Clock, InstanceRepository } from '../../ports';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { RenameInstanceCommand } from './rename-instance.command';

@CommandHandler(RenameInstanceCommand)
export class RenameInstanceHandler implements ICommandHandler<RenameInstanceCommand> {
  constructor(
    private readonly admin: InstanceAdminRepository,
    private readonly instances: InstanceRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, name }: RenameInstanceCommand): Promise<void> {
    await requireLiveInstance(this.admin, instanceId);
    const newName = checkInstanceName(name, 'instanceName');
    const current = await this.instances.findById(instanceId);
    if (current?.name === newName) throw DomainError.invalidField('instanceName', 'is unchanged');
    await this.admin.rename(instanceId, newName, instanceEvents.renamed(instanceId, newName), this.clock.now());
  }
}
