import {
  DomainError,
  ErrorCode,
  Id,
  ObjectDetails,
  PlannedEvent,
  Quota,
  quotaEvents,
  QuotaNotificationTarget,
  QuotaRepository,
  QuotaUnit,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { type InstanceQuotaRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { aggregateDetails } from './aggregate-details';
import { isUniqueViolation } from './postgres-errors';

const AGGREGATE = 'quota';

type QuotaFields = Pick<
  InstanceQuotaRow,
  'id' | 'instance_id' | 'unit' | 'from_at' | 'reset_interval_ms' | 'amount' | 'is_limit' | 'notifications'
>;
const QUOTA_COLUMNS = 'id, instance_id, unit, from_at, reset_interval_ms, amount, is_limit, notifications';

const toQuota = (r: QuotaFields): Quota => ({
  id: r.id,
  instanceId: r.instance_id,
  unit: r.unit,
  from: r.from_at,
  resetIntervalMs: Number(r.reset_interval_ms),
  amount: Number(r.amount),
  limit: r.is_limit,
  notifications: r.notifications,
});

/** An instance's quotas (per-instance limits): every call in one transaction scoped to that instance. */
@Injectable()
export class TypeOrmQuotaRepository extends QuotaRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  find(instanceId: Id, unit: QuotaUnit): Promise<Quota | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<QuotaFields>(
        `SELECT ${QUOTA_COLUMNS} FROM instance_quotas WHERE instance_id = $1 AND unit = $2`,
        [instanceId, unit],
      );
      return row ? toQuota(row) : null;
    });
  }

  async add(q: Quota, at: Date): Promise<ObjectDetails> {
    try {
      return await this.db.withInstance(q.instanceId, async (tx) => {
        await tx.insert('instance_quotas', {
          instance_id: q.instanceId,
          unit: q.unit,
          id: q.id,
          from_at: q.from,
          reset_interval_ms: String(q.resetIntervalMs),
          amount: String(q.amount),
          is_limit: q.limit,
          notifications: [...q.notifications],
          created_at: at,
          updated_at: at,
        });
        return this.record(tx, q.instanceId, quotaEvents.added(q), at);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw DomainError.alreadyExists(`instance ${q.instanceId} already has a quota of ${q.unit}`);
      throw error;
    }
  }

  replace(q: Quota, at: Date): Promise<ObjectDetails> {
    return this.db.withInstance(q.instanceId, async (tx) => {
      // The row keeps its id (its aggregate) when it exists, whichever id the caller brought.
      const [row] = await tx.rows<Pick<InstanceQuotaRow, 'id'>>(
        `INSERT INTO instance_quotas (instance_id, unit, id, from_at, reset_interval_ms, amount, is_limit, notifications, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (instance_id, unit) DO UPDATE SET from_at = $4, reset_interval_ms = $5, amount = $6, is_limit = $7, notifications = $8, updated_at = $9
         RETURNING id`,
        [q.instanceId, q.unit, q.id, q.from, q.resetIntervalMs, q.amount, q.limit, JSON.stringify(q.notifications), at],
      );
      return this.record(tx, q.instanceId, quotaEvents.set(row.id, q), at);
    });
  }

  remove(instanceId: Id, unit: QuotaUnit, at: Date): Promise<ObjectDetails | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const [row] = await tx.rows<Pick<InstanceQuotaRow, 'id'>>(
        'DELETE FROM instance_quotas WHERE instance_id = $1 AND unit = $2 RETURNING id',
        [instanceId, unit],
      );
      if (!row) return null;
      return this.record(tx, instanceId, quotaEvents.removed(instanceId, row.id, unit), at);
    });
  }

  details(q: Quota): Promise<ObjectDetails> {
    return this.db.withInstance(q.instanceId, async (tx) => {
      const details = await aggregateDetails(tx, q.instanceId, AGGREGATE, q.id);
      if (!details) throw new DomainError(ErrorCode.Internal, `quota ${q.id} has no events`);
      return details;
    });
  }

  findNotification(instanceId: Id, notificationId: Id): Promise<QuotaNotificationTarget | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<Pick<InstanceQuotaRow, 'id' | 'unit'> & { call_url: string }>(
        `SELECT q.id, q.unit, n->>'callUrl' AS call_url FROM instance_quotas q, jsonb_array_elements(q.notifications) n
          WHERE q.instance_id = $1 AND n->>'id' = $2`,
        [instanceId, notificationId],
      );
      return row ? { quotaId: row.id, unit: row.unit, notificationId, callUrl: row.call_url } : null;
    });
  }

  async recordNotified(
    instanceId: Id,
    target: QuotaNotificationTarget,
    body: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    await this.db.withInstance(instanceId, (tx) =>
      this.record(tx, instanceId, quotaEvents.notified(instanceId, target.quotaId, body), at),
    );
  }

  /** Appends the quota's event and answers the quota's details including it. */
  private async record(tx: SqlTransaction, instanceId: Id, event: PlannedEvent, at: Date): Promise<ObjectDetails> {
    await tx.appendEvents(instanceId, [event], at);
    const details = await aggregateDetails(tx, instanceId, AGGREGATE, event.aggregateId);
    if (!details) throw new DomainError(ErrorCode.Internal, `quota ${event.aggregateId} has no events`);
    return details;
  }
}
