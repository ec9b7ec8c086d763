import {
  type Id,
  type ObjectDetails,
  type Quota,
  type QuotaNotificationTarget,
  QuotaRepository,
  type QuotaUnit,
} from '@app/domain';

import { type InstanceScopedCache } from './instance-scoped-cache';

/**
 * The quota port with `find` served from the instance-scoped cache: every authenticated tenant request reads its
 * instance's request quota, and most instances have none, so "none" is remembered too (an added quota notifies
 * its instance and drops it). Writes go straight through; their notification (and, in this process,
 * EvictBeforeAnswerMiddleware) evicts.
 */
export class CachedQuotaRepository extends QuotaRepository {
  constructor(
    private readonly inner: QuotaRepository,
    private readonly cache: InstanceScopedCache,
  ) {
    super();
  }

  find(instanceId: Id, unit: QuotaUnit): Promise<Quota | null> {
    return this.cache.through(
      `quota:${instanceId}:${unit}`,
      () => this.inner.find(instanceId, unit),
      () => instanceId,
    );
  }

  add(quota: Quota, at: Date): Promise<ObjectDetails> {
    return this.inner.add(quota, at);
  }

  replace(quota: Quota, at: Date): Promise<ObjectDetails> {
    return this.inner.replace(quota, at);
  }

  remove(instanceId: Id, unit: QuotaUnit, at: Date): Promise<ObjectDetails | null> {
    return this.inner.remove(instanceId, unit, at);
  }

  details(quota: Quota): Promise<ObjectDetails> {
    return this.inner.details(quota);
  }

  findNotification(instanceId: Id, notificationId: Id): Promise<QuotaNotificationTarget | null> {
    return this.inner.findNotification(instanceId, notificationId);
  }

  recordNotified(
    instanceId: Id,
    target: QuotaNotificationTarget,
    body: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    return this.inner.recordNotified(instanceId, target, body, at);
  }
}
