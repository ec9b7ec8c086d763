import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { instanceEvents } from '../../instances/admin/instance-events';
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
    const host = hostWithoutPort(checkDomainName(domain, 'domain'));
    await this.admin.addDomain(instanceId, host, instanceEvents.domainAdded(instanceId, host), this.clock.now());
  }
}
