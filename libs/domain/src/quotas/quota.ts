import { type Id } from '../shared/id';

/** ZITADEL's quota units (zitadel.quota.v1.Unit); only authenticated requests are counted here. */
export enum QuotaUnit {
  RequestsAllAuthenticated = 'UNIT_REQUESTS_ALL_AUTHENTICATED',
  ActionsAllRunSeconds = 'UNIT_ACTIONS_ALL_RUN_SECONDS',
}

/** The enum numbers of zitadel.quota.v1.Unit, which ZITADEL's notification body carries as `unit`. */
export const QUOTA_UNIT_NUMBER: Record<QuotaUnit, number> = {
  [QuotaUnit.RequestsAllAuthenticated]: 1,
  [QuotaUnit.ActionsAllRunSeconds]: 2,
};

export interface QuotaNotification {
  readonly id: Id;
  /** Of the amount, 1 or more (above 100 notifies past the amount). */
  readonly percent: number;
  /** Notify again at each multiple of percent. */
  readonly repeat: boolean;
  readonly callUrl: string;
}

export interface Quota {
  readonly id: Id;
  readonly instanceId: Id;
  readonly unit: QuotaUnit;
  /** Periods start here and repeat every resetIntervalMs. */
  readonly from: Date;
  readonly resetIntervalMs: number;
  readonly amount: number;
  /** Refuse requests past the amount (429) rather than only count and notify. */
  readonly limit: boolean;
  readonly notifications: readonly QuotaNotification[];
}

export interface QuotaPeriod {
  readonly start: Date;
  readonly end: Date;
}

/** The period `now` falls in; null before `from` (the quota is not in force yet). */
export function quotaPeriod(quota: Pick<Quota, 'from' | 'resetIntervalMs'>, now: Date): QuotaPeriod | null {
  const elapsed = now.getTime() - quota.from.getTime();
  if (elapsed < 0) return null;
  const start = quota.from.getTime() + Math.floor(elapsed / quota.resetIntervalMs) * quota.resetIntervalMs;
  return { start: new Date(start), end: new Date(start + quota.resetIntervalMs) };
}

/**
 * The threshold (in percent of the amount) that the request bringing usage to `usage` crossed, or null. As in
 * ZITADEL, usage in percent is rounded down and one notification reports the highest threshold reached; since the
 * counter goes up by one atomically, each threshold is crossed by exactly one request per period.
 */
export function crossedThreshold(
  notification: Pick<QuotaNotification, 'percent' | 'repeat'>,
  amount: number,
  usage: number,
): number | null {
  const before = Math.floor(((usage - 1) * 100) / amount);
  const after = Math.floor((usage * 100) / amount);
  const { percent } = notification;
  const reached = notification.repeat ? Math.floor(after / percent) * percent : percent <= after ? percent : 0;
  return reached >= percent && reached > before ? reached : null;
}

/** Same configuration, notification ids aside: a SetQuota with it changes nothing. */
export function sameQuotaConfig(a: Quota, b: Quota): boolean {
  const notifications = (q: Quota) =>
    JSON.stringify(q.notifications.map(({ percent, repeat, callUrl }) => [percent, repeat, callUrl]));
  return (
    a.from.getTime() === b.from.getTime() &&
    a.resetIntervalMs === b.resetIntervalMs &&
    a.amount === b.amount &&
    a.limit === b.limit &&
    notifications(a) === notifications(b)
  );
}
