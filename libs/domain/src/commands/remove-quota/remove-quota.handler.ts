import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { ObjectDetails } from '../../operations/operation';
import { Clock, InstanceAdminRepository } from '../../ports';
import { checkQuotaUnit } from '../../quotas/quota-input';
import { QuotaRepository } from '../../quotas/quota-ports';
import { RemoveQuotaCommand } from './remove-quota.command';

/** NOT_FOUND when the instance has no quota of the unit, so a second RemoveQuota is NotFound as in ZITADEL. */
@CommandHandler(RemoveQuotaCommand)
export class RemoveQuotaHandler implements ICommandHandler<RemoveQuotaCommand> {
  constructor(
    private readonly instances: InstanceAdminRepository,
    private readonly quotas: QuotaRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, unit }: RemoveQuotaCommand): Promise<ObjectDetails> {
    const checkedUnit = checkQuotaUnit(/^\d+$/.test(unit) ? Number(unit) : unit);
    await requireLiveInstance(this.instances, instanceId);
    const details = await this.quotas.remove(instanceId, checkedUnit, this.clock.now());
    if (!details) throw DomainError.notFound(`instance ${instanceId} has no quota of ${checkedUnit}`);
    return details;
  }
}
