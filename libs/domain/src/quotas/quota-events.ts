import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type Quota, type QuotaUnit } from './quota';

const quotaEvent = (instanceId: Id, quotaId: Id, type: string, payload: Record<string, unknown>): PlannedEvent => ({
  aggregateType: 'quota',
  aggregateId: quotaId,
  type,
  payload,
  resourceOwner: instanceId,
});

/** The configuration as events keep it: without the call URLs, which may carry credentials. */
const configuration = (q: Quota): Record<string, unknown> => ({
  unit: q.unit,
  from: q.from.toISOString(),
  resetIntervalMs: q.resetIntervalMs,
  amount: q.amount,
  limit: q.limit,
  notifications: q.notifications.map(({ id, percent, repeat }) => ({ id, percent, repeat })),
});

/** Events of an instance's quotas (aggregate `quota`, one per quota row, owned by the instance). */
export const quotaEvents = {
  added: (q: Quota): PlannedEvent => quotaEvent(q.instanceId, q.id, 'quota.added', configuration(q)),
  /** `quotaId`: the id of the stored row, which a replaced quota keeps. */
  set: (quotaId: Id, q: Quota): PlannedEvent => quotaEvent(q.instanceId, quotaId, 'quota.set', configuration(q)),
  removed: (instanceId: Id, quotaId: Id, unit: QuotaUnit): PlannedEvent =>
    quotaEvent(instanceId, quotaId, 'quota.removed', { unit }),
  /** `body`: the notification as sent, less its call URL. */
  notified: (instanceId: Id, quotaId: Id, body: Record<string, unknown>): PlannedEvent =>
    quotaEvent(instanceId, quotaId, 'quota.notified', body),
};
