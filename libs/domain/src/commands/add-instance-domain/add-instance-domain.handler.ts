import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireLiveInstance } from '../../instances/admin/require-instance';
import { checkDomainName, hostWithoutPort } from '../../instances/domain-name';
import { Clock } from '../../ports';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { AddInstanceDomainCommand } from './add-instance-domain.command';

@CommandHandler(AddInstanceDomainCommand)
export class AddInstanceDomainHandler implements ICommandHandler<AddInstanceDomainCommand> {
  constructor(
    private readonly admin: InstanceAdminRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, domain }: AddInstanceDomainCommand): Promise<void> {
    await requireLiveInstance(this.admin, instanceId);
    await this.admin.addDomain(instanceId, hostWithoutPort(checkDomainName(domain, 'domain')), this.clock.now());
  }
}
