import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { instanceEvents } from '../../instances/admin/instance-events';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { Clock } from '../../ports';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { preview } from '../../shared/text';
import { RemoveInstanceDomainCommand } from './remove-instance-domain.command';

/** The generated domain stays: it is how the instance is always reachable. A removed primary hands over to it. */
@CommandHandler(RemoveInstanceDomainCommand)
export class RemoveInstanceDomainHandler implements ICommandHandler<RemoveInstanceDomainCommand> {
  constructor(
    private readonly admin: InstanceAdminRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, domain }: RemoveInstanceDomainCommand): Promise<void> {
    await requireLiveInstance(this.admin, instanceId);
    const [found] = await this.admin.searchDomains(instanceId, [domain.toLowerCase()]);
    if (!found) throw DomainError.notFound(`domain ${preview(domain)} not found on instance ${preview(instanceId)}`);
    if (found.generated) throw DomainError.invalidField('domain', 'the generated domain cannot be removed');
    await this.admin.removeDomain(
      instanceId,
      found.domain,
      instanceEvents.domainRemoved(instanceId, found.domain),
      this.clock.now(),
    );
  }
}
