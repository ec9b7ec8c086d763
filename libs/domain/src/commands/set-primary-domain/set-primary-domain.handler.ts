import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { instanceEvents } from '../../instances/admin/instance-events';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { Clock } from '../../ports';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { preview } from '../../shared/text';
import { SetPrimaryDomainCommand } from './set-primary-domain.command';

@CommandHandler(SetPrimaryDomainCommand)
export class SetPrimaryDomainHandler implements ICommandHandler<SetPrimaryDomainCommand> {
  constructor(
    private readonly admin: InstanceAdminRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, domain }: SetPrimaryDomainCommand): Promise<void> {
    await requireLiveInstance(this.admin, instanceId);
    if (typeof domain !== 'string' || domain === '') throw DomainError.invalidField('domain', 'is required');
    const primary = domain.toLowerCase();
    const event = instanceEvents.primaryDomainSet(instanceId, primary);
    if (!(await this.admin.setPrimaryDomain(instanceId, primary, event, this.clock.now()))) {
      throw DomainError.notFound(`domain ${preview(domain)} not found on instance ${preview(instanceId)}`);
    }
  }
}
