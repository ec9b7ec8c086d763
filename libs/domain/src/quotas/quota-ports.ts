import { type ObjectDetails } from '../operations/operation';
import { type Id } from '../shared/id';
import { type Quota, type QuotaUnit } from './quota';

/** A notification's target, as the worker needs it to send. */
export interface QuotaNotificationTarget {
  readonly quotaId: Id;
  readonly unit: QuotaUnit;
  readonly notificationId: Id;
  readonly callUrl: string;
}

/** Quotas of instances (table instance_quotas); every change appends an event of the quota's aggregate. */
export abstract class QuotaRepository {
  abstract find(instanceId: Id, unit: QuotaUnit): Promise<Quota | null>;
  /** ALREADY_EXISTS when the instance has a quota of that unit. */
  abstract add(quota: Quota, at: Date): Promise<ObjectDetails>;
  /** Creates or replaces the instance's quota of that unit. */
  abstract replace(quota: Quota, at: Date): Promise<ObjectDetails>;
  /** null when the instance has no quota of that unit. */
  abstract remove(instanceId: Id, unit: QuotaUnit, at: Date): Promise<ObjectDetails | null>;
  abstract details(quota: Quota): Promise<ObjectDetails>;
  /** null when the quota or the notification is gone (removed or replaced since). */
  abstract findNotification(instanceId: Id, notificationId: Id): Promise<QuotaNotificationTarget | null>;
  /** Appends `quota.notified` with the body as sent, which must hold no call URL. */
  abstract recordNotified(
    instanceId: Id,
    target: QuotaNotificationTarget,
    body: Record<string, unknown>,
    at: Date,
  ): Promise<void>;
}

export interface UsageCount {
  readonly instanceId: Id;
  readonly unit: QuotaUnit;
  readonly periodStart: Date;
  /** The count expires then. */
  readonly periodEnd: Date;
}

/** Usage counters shared by every API process. */
export abstract class QuotaUsageCounter {
  /** Counts one and answers the period's count; null when the counter cannot be reached (the request is not held up). */
  abstract increment(count: UsageCount): Promise<number | null>;
}

/** A due notification: ids and numbers only. */
export interface DueQuotaNotification {
  readonly instanceId: Id;
  readonly notificationId: Id;
  readonly periodStart: string;
  readonly threshold: number;
  readonly usage: number;
}

export abstract class QuotaNotificationQueue {
  /** One job per notification, period and threshold (queuing it twice is a no-op); never fails the caller. */
  abstract enqueue(due: readonly DueQuotaNotification[]): Promise<void>;
}
