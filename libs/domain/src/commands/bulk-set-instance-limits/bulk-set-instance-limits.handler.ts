import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { ObjectDetails } from '../../operations/operation';
import { InstanceAdminRepository, InstanceRepository } from '../../ports';
import { SetInstanceLimitsCommand } from '../set-instance-limits/set-instance-limits.command';
import { BulkLimitsItem, BulkSetInstanceLimitsCommand } from './bulk-set-instance-limits.command';

const setsSomething = ({ limits, auditLogRetention }: BulkLimitsItem) =>
  auditLogRetention !== undefined || Object.values(limits).some((v) => v !== undefined);

/**
 * All or nothing, as in ZITADEL (which validates every item, then pushes all events at once): every item is checked
 * (it sets something, its instance is live) before any is applied; then each goes through SetLimits in order.
 */
@CommandHandler(BulkSetInstanceLimitsCommand)
export class BulkSetInstanceLimitsHandler implements ICommandHandler<BulkSetInstanceLimitsCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly admin: InstanceAdminRepository,
    private readonly instances: InstanceRepository,
  ) {}

  async execute({ items }: BulkSetInstanceLimitsCommand): Promise<ObjectDetails[]> {
    items.forEach((item, i) => {
      // ZITADEL: Errors.Limits.NoneSpecified
      if (!setsSomething(item)) throw DomainError.invalidField(`limits[${i}]`, 'sets no limit');
    });
    for (const item of items) await requireLiveInstance(this.admin, item.instanceId);
    const details: ObjectDetails[] = [];
    for (const item of items) {
      if (Object.values(item.limits).some((v) => v !== undefined)) {
        await this.commands.execute(new SetInstanceLimitsCommand(item.instanceId, item.limits));
      }
      const view = await this.instances.findById(item.instanceId);
      if (!view) throw DomainError.notFound(`instance ${item.instanceId} not found`);
      details.push(view.details);
    }
    return details;
  }
}
