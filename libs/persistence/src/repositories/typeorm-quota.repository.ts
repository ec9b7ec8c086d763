import {
  DomainError,
  Id,
  ObjectDetails,
  Quota,
  QuotaNotification,
  QuotaNotificationTarget,
  QuotaRepository,
  QuotaUnit,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { EventEntity } from '../entities';
import { aggregateDetails } from './aggregate-details';
import { isUniqueViolation } from './postgres-errors';

interface QuotaRow {
  id: string;
  instance_id: string;
  unit: QuotaUnit;
  from_at: Date;
  reset_interval_ms: string;
  amount: string;
  is_limit: boolean;
  notifications: QuotaNotification[];
}

const AGGREGATE = 'quota';

const toQuota = (r: QuotaRow): Quota => ({
  id: r.id,
  instanceId: r.instance_id,
  unit: r.unit,
  from: r.from_at,
  resetIntervalMs: Number(r.reset_interval_ms),
  amount: Number(r.amount),
  limit: r.is_limit,
  notifications: r.notifications,
});

/** The event payload: the configuration without call URLs, which may carry credentials. */
const eventPayload = (q: Quota) => ({
  unit: q.unit,
  from: q.from.toISOString(),
  resetIntervalMs: q.resetIntervalMs,
  amount: q.amount,
  limit: q.limit,
  notifications: q.notifications.map(({ id, percent, repeat }) => ({ id, percent, repeat })),
});

@Injectable()
export class TypeOrmQuotaRepository extends QuotaRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async find(instanceId: Id, unit: QuotaUnit): Promise<Quota | null> {
    const [row] = (await this.db.query('SELECT * FROM instance_quotas WHERE instance_id = $1 AND unit = $2', [
      instanceId,
      unit,
    ])) as QuotaRow[];
    return row ? toQuota(row) : null;
  }

  async add(q: Quota, at: Date): Promise<ObjectDetails> {
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO instance_quotas (instance_id, unit, id, from_at, reset_interval_ms, amount, is_limit, notifications, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
          [
            q.instanceId,
            q.unit,
            q.id,
            q.from,
            q.resetIntervalMs,
            q.amount,
            q.limit,
            JSON.stringify(q.notifications),
            at,
          ],
        );
        return this.event(tx, q.instanceId, q.id, 'quota.added', eventPayload(q), at);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw DomainError.alreadyExists(`instance ${q.instanceId} already has a quota of ${q.unit}`);
      throw error;
    }
  }

  async replace(q: Quota, at: Date): Promise<ObjectDetails> {
    return this.db.transaction(async (tx) => {
      // The row keeps its id (its aggregate) when it exists.
      const [row] = (await tx.query(
        `INSERT INTO instance_quotas (instance_id, unit, id, from_at, reset_interval_ms, amount, is_limit, notifications, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (instance_id, unit) DO UPDATE SET from_at = $4, reset_interval_ms = $5, amount = $6, is_limit = $7, notifications = $8, updated_at = $9
         RETURNING id`,
        [q.instanceId, q.unit, q.id, q.from, q.resetIntervalMs, q.amount, q.limit, JSON.stringify(q.notifications), at],
      )) as { id: string }[];
      return this.event(tx, q.instanceId, row.id, 'quota.set', eventPayload(q), at);
    });
  }

  async remove(instanceId: Id, unit: QuotaUnit, at: Date): Promise<ObjectDetails | null> {
    return this.db.transaction(async (tx) => {
      const [rows] = (await tx.query('DELETE FROM instance_quotas WHERE instance_id = $1 AND unit = $2 RETURNING id', [
        instanceId,
        unit,
      ])) as [{ id: string }[], number];
      if (rows.length === 0) return null;
      return this.event(tx, instanceId, rows[0].id, 'quota.removed', { unit }, at);
    });
  }

  async details(q: Quota): Promise<ObjectDetails> {
    const details = await aggregateDetails(this.db.manager, q.instanceId, AGGREGATE, q.id);
    if (!details) throw new Error(`quota ${q.id} has no events`);
    return details;
  }

  async findNotification(instanceId: Id, notificationId: Id): Promise<QuotaNotificationTarget | null> {
    const [row] = (await this.db.query(
      `SELECT q.id, q.unit, n->>'callUrl' AS call_url FROM instance_quotas q, jsonb_array_elements(q.notifications) n
        WHERE q.instance_id = $1 AND n->>'id' = $2`,
      [instanceId, notificationId],
    )) as { id: string; unit: QuotaUnit; call_url: string }[];
    return row ? { quotaId: row.id, unit: row.unit, notificationId, callUrl: row.call_url } : null;
  }

  async recordNotified(instanceId: Id, target: QuotaNotificationTarget, body: object, at: Date): Promise<void> {
    await this.db.transaction((tx) => this.event(tx, instanceId, target.quotaId, 'quota.notified', body, at));
  }

  private async event(
    tx: EntityManager,
    instanceId: Id,
    quotaId: Id,
    type: string,
    payload: object,
    at: Date,
  ): Promise<ObjectDetails> {
    await tx.insert(EventEntity, {
      instanceId,
      aggregateType: AGGREGATE,
      aggregateId: quotaId,
      eventType: type,
      payload,
      resourceOwner: instanceId,
      createdAt: at,
    });
    return (await aggregateDetails(tx, instanceId, AGGREGATE, quotaId))!;
  }
}
