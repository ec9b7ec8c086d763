import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { requireLiveInstance } from '../../instances/admin/require-instance';
import { ObjectDetails } from '../../operations/operation';
import { Clock, IdGenerator, InstanceAdminRepository, WebhookUrlPolicy } from '../../ports';
import { Quota, sameQuotaConfig } from '../../quotas/quota';
import { checkQuotaInput } from '../../quotas/quota-input';
import { QuotaRepository } from '../../quotas/quota-ports';
import { AddQuotaCommand } from './add-quota.command';

/** AddQuota and SetQuota. A SetQuota that changes nothing writes no event and answers the same details (idempotent). */
@CommandHandler(AddQuotaCommand)
export class AddQuotaHandler implements ICommandHandler<AddQuotaCommand> {
  constructor(
    private readonly instances: InstanceAdminRepository,
    private readonly quotas: QuotaRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly urlPolicy: WebhookUrlPolicy,
  ) {}

  async execute({ instanceId, input, replace }: AddQuotaCommand): Promise<ObjectDetails> {
    const checked = checkQuotaInput(input);
    checked.notifications.forEach((n, i) => {
      const refusal = this.urlPolicy.refusal(n.callUrl);
      if (refusal) throw DomainError.invalidField(`notifications[${i}].callUrl`, refusal);
    });
    await requireLiveInstance(this.instances, instanceId);
    const existing = await this.quotas.find(instanceId, checked.unit);
    const quota: Quota = {
      ...checked,
      id: existing?.id ?? this.ids.newId(),
      instanceId,
      notifications: checked.notifications.map((n) => ({ ...n, id: this.ids.newId() })),
    };
    if (!replace) return this.quotas.add(quota, this.clock.now());
    if (existing && sameQuotaConfig(existing, quota)) return this.quotas.details(existing);
    return this.quotas.replace(quota, this.clock.now());
  }
}
