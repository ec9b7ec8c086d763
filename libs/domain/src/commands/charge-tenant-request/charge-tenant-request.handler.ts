import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { Clock } from '../../ports';
import { crossedThreshold, quotaPeriod, QuotaUnit } from '../../quotas/quota';
import {
  DueQuotaNotification,
  QuotaNotificationQueue,
  QuotaRepository,
  QuotaUsageCounter,
} from '../../quotas/quota-ports';
import { ChargeTenantRequestCommand, QuotaVerdict } from './charge-tenant-request.command';

const PASS: QuotaVerdict = { exhausted: false };

/**
 * The hot path: one quota read, one atomic increment, and (rarely) one enqueue; notifications are sent by the
 * worker. Every request counts, refused ones too, so usage shows the demand.
 */
@CommandHandler(ChargeTenantRequestCommand)
export class ChargeTenantRequestHandler implements ICommandHandler<ChargeTenantRequestCommand> {
  constructor(
    private readonly quotas: QuotaRepository,
    private readonly counter: QuotaUsageCounter,
    private readonly notifications: QuotaNotificationQueue,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId }: ChargeTenantRequestCommand): Promise<QuotaVerdict> {
    const unit = QuotaUnit.RequestsAllAuthenticated;
    const quota = await this.quotas.find(instanceId, unit);
    const now = this.clock.now();
    const period = quota && quotaPeriod(quota, now);
    if (!quota || !period) return PASS;
    const usage = await this.counter.increment({ instanceId, unit, periodStart: period.start, periodEnd: period.end });
    if (usage === null) return PASS;
    const due: DueQuotaNotification[] = [];
    for (const n of quota.notifications) {
      const threshold = crossedThreshold(n, quota.amount, usage);
      if (threshold !== null)
        due.push({ instanceId, notificationId: n.id, periodStart: period.start.toISOString(), threshold, usage });
    }
    if (due.length > 0) await this.notifications.enqueue(due);
    if (!quota.limit || usage <= quota.amount) return PASS;
    return {
      exhausted: true,
      retryAfterSeconds: Math.max(1, Math.ceil((period.end.getTime() - now.getTime()) / 1000)),
    };
  }
}
