import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { instanceEvents } from '../../instances/admin/instance-events';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { checkQuota } from '../../instances/quota';
import { Clock } from '../../ports';
import { InstanceAdminRepository, InstanceLimits } from '../../ports/instance-admin-repository.port';
import { SetInstanceLimitsCommand } from './set-instance-limits.command';

const NO_LIMITS: InstanceLimits = { block: false, maxUsers: null, maxOrgs: null, maxBuckets: null };

/** Fields left out of a PUT keep their value; DELETE resets all. */
@CommandHandler(SetInstanceLimitsCommand)
export class SetInstanceLimitsHandler implements ICommandHandler<SetInstanceLimitsCommand> {
  constructor(
    private readonly admin: InstanceAdminRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, limits }: SetInstanceLimitsCommand): Promise<void> {
    await requireLiveInstance(this.admin, instanceId);
    const current = limits === null ? NO_LIMITS : await this.admin.limits(instanceId);
    const next: InstanceLimits =
      limits === null
        ? NO_LIMITS
        : {
            // protojson: an absent or null `block` is unset, and keeps the instance as it is (ZITADEL's SetLimits)
            block: typeof limits.block === 'boolean' ? limits.block : current.block,
            maxUsers: limits.maxUsers === undefined ? current.maxUsers : checkQuota(limits.maxUsers, 'maxUsers'),
            maxOrgs: limits.maxOrgs === undefined ? current.maxOrgs : checkQuota(limits.maxOrgs, 'maxOrgs'),
            maxBuckets:
              limits.maxBuckets === undefined ? current.maxBuckets : checkQuota(limits.maxBuckets, 'maxBuckets'),
          };
    await this.admin.setLimits(instanceId, next, instanceEvents.limitsSet(instanceId, next), this.clock.now());
  }
}
