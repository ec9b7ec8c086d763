/** In-memory fakes of the quota ports, for unit specs only (nothing in the app imports this file). */
import { DomainError } from '../errors';
import { type ObjectDetails } from '../operations/operation';
import { type Quota, type QuotaUnit } from '../quotas/quota';
import {
  type DueQuotaNotification,
  type QuotaNotificationQueue,
  type QuotaNotificationTarget,
  type QuotaRepository,
  type QuotaUsageCounter,
  type UsageCount,
} from '../quotas/quota-ports';
import { type Id } from '../shared/id';

export interface QuotaEvent {
  readonly sequence: number;
  readonly instanceId: Id;
  readonly quotaId: Id;
  readonly type: string;
  readonly payload: object;
  readonly at: Date;
}

/** Keeps quotas by (instance, unit) and appends an event per change; details are read off the events, as in PostgreSQL. */
export class InMemoryQuotaRepository implements QuotaRepository {
  readonly quotas: Quota[] = [];
  readonly events: QuotaEvent[] = [];

  async find(instanceId: Id, unit: QuotaUnit): Promise<Quota | null> {
    return this.quotas.find((q) => q.instanceId === instanceId && q.unit === unit) ?? null;
  }

  /** ALREADY_EXISTS when the instance has a quota of the unit (the primary key). */
  async add(quota: Quota, at: Date): Promise<ObjectDetails> {
    if (await this.find(quota.instanceId, quota.unit))
      throw DomainError.alreadyExists(`instance ${quota.instanceId} already has a quota of ${quota.unit}`);
    this.quotas.push(quota);
    return this.event(quota.instanceId, quota.id, 'quota.added', configOf(quota), at);
  }

  /** An existing quota keeps its id (its aggregate). */
  async replace(quota: Quota, at: Date): Promise<ObjectDetails> {
    const existing = await this.find(quota.instanceId, quota.unit);
    const stored = existing ? { ...quota, id: existing.id } : quota;
    if (existing) this.quotas.splice(this.quotas.indexOf(existing), 1, stored);
    else this.quotas.push(stored);
    return this.event(quota.instanceId, stored.id, 'quota.set', configOf(quota), at);
  }

  async remove(instanceId: Id, unit: QuotaUnit, at: Date): Promise<ObjectDetails | null> {
    const existing = await this.find(instanceId, unit);
    if (!existing) return null;
    this.quotas.splice(this.quotas.indexOf(existing), 1);
    return this.event(instanceId, existing.id, 'quota.removed', { unit }, at);
  }

  async details(quota: Quota): Promise<ObjectDetails> {
    const details = this.detailsOf(quota.instanceId, quota.id);
    if (!details) throw new Error(`quota ${quota.id} has no events`);
    return details;
  }

  async findNotification(instanceId: Id, notificationId: Id): Promise<QuotaNotificationTarget | null> {
    for (const q of this.quotas.filter((x) => x.instanceId === instanceId)) {
      const n = q.notifications.find((x) => x.id === notificationId);
      if (n) return { quotaId: q.id, unit: q.unit, notificationId, callUrl: n.callUrl };
    }
    return null;
  }

  async recordNotified(instanceId: Id, target: QuotaNotificationTarget, body: object, at: Date): Promise<void> {
    this.event(instanceId, target.quotaId, 'quota.notified', body, at);
  }

  private event(instanceId: Id, quotaId: Id, type: string, payload: object, at: Date): ObjectDetails {
    this.events.push({ sequence: this.events.length + 1, instanceId, quotaId, type, payload, at });
    return this.detailsOf(instanceId, quotaId)!;
  }

  private detailsOf(instanceId: Id, quotaId: Id): ObjectDetails | null {
    const mine = this.events.filter((e) => e.instanceId === instanceId && e.quotaId === quotaId);
    if (mine.length === 0) return null;
    return {
      sequence: String(mine[mine.length - 1].sequence),
      creationDate: mine[0].at,
      changeDate: mine[mine.length - 1].at,
      resourceOwner: instanceId,
    };
  }
}

/** The event payload keeps no call URL: a URL may carry credentials. */
function configOf(q: Quota): object {
  return {
    unit: q.unit,
    from: q.from.toISOString(),
    resetIntervalMs: q.resetIntervalMs,
    amount: q.amount,
    limit: q.limit,
    notifications: q.notifications.map(({ id, percent, repeat }) => ({ id, percent, repeat })),
  };
}

/** One counter per instance, unit and period, as the Redis keys are; `unreachable` stands for Redis being down. */
export class InMemoryQuotaUsageCounter implements QuotaUsageCounter {
  readonly counts = new Map<string, number>();
  unreachable = false;

  async increment(count: UsageCount): Promise<number | null> {
    if (this.unreachable) return null;
    const key = `${count.instanceId}:${count.unit}:${count.periodStart.toISOString()}`;
    const usage = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, usage);
    return usage;
  }
}

/** Records what was queued; one job per notification, period and threshold, so queuing it twice is a no-op. */
export class RecordingQuotaNotificationQueue implements QuotaNotificationQueue {
  readonly queued: DueQuotaNotification[] = [];

  async enqueue(due: readonly DueQuotaNotification[]): Promise<void> {
    for (const d of due) {
      const same = (q: DueQuotaNotification) =>
        q.instanceId === d.instanceId &&
        q.notificationId === d.notificationId &&
        q.periodStart === d.periodStart &&
        q.threshold === d.threshold;
      if (!this.queued.some(same)) this.queued.push(d);
    }
  }
}
