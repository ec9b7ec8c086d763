import {
  DeliveryAttempt,
  DeliveryStatus,
  DeliveryTarget,
  Id,
  OutboxEvent,
  PlannedDelivery,
  RelayBatch,
  WebhookDeliveryStore,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { SystemDatabase } from '../database/system-database';
import { type OutboxEventRow, type WebhookDeliveryRow, type WebhookRow } from '../database/tables';

/**
 * Relays hold this advisory lock (shared) for their whole transaction. They queue the delivery jobs before they commit,
 * so a job can run before its row is visible: a delivery that finds no row takes the lock exclusively, which waits
 * for the relays in flight to commit or roll back, and reads again.
 */
const RELAY_LOCK_KEY = 7_420_391_119;

type EventRow = Pick<OutboxEventRow, 'id' | 'type' | 'payload' | 'created_at'>;

type TargetRow = Pick<WebhookDeliveryRow, 'id' | 'status' | 'event_id'> &
  Pick<WebhookRow, 'url' | 'sealed_secret'> &
  Pick<OutboxEventRow, 'type' | 'payload' | 'created_at'>;

function toOutboxEvent(row: EventRow): OutboxEvent {
  return { id: row.id, type: row.type, payload: row.payload, createdAt: row.created_at };
}

/**
 * The outbox relay and the delivery rows. The outbox holds every instance's events and webhooks are service-level,
 * so this store works in the system scope.
 */
@Injectable()
export class TypeOrmWebhookDeliveryStore extends WebhookDeliveryStore {
  constructor(private readonly system: SystemDatabase) {
    super();
  }

  relay(limit: number, newId: () => Id, at: Date, enqueue: (batch: RelayBatch) => Promise<void>): Promise<RelayBatch> {
    return this.system.run(async (tx) => {
      await tx.rows('SELECT pg_advisory_xact_lock_shared($1)', [RELAY_LOCK_KEY]);
      // SKIP LOCKED: relays in other workers take the next events instead of waiting for these.
      const rows = await tx.rows<EventRow>(
        `SELECT id, type, payload, created_at FROM outbox_events WHERE dispatched_at IS NULL
         ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return { events: [], deliveries: [] };
      const events = rows.map(toOutboxEvent);
      const deliveries = await this.planDeliveries(tx, events, newId);
      await tx.insert(
        'webhook_deliveries',
        deliveries.map((d) => ({
          id: d.id,
          webhook_id: d.webhookId,
          event_id: d.eventId,
          event_type: d.eventType,
          status: DeliveryStatus.Pending,
          created_at: at,
        })),
      );
      const batch = { events, deliveries };
      await enqueue(batch);
      await tx.execute('UPDATE outbox_events SET dispatched_at = $2 WHERE id = ANY($1::varchar[])', [
        events.map((e) => e.id),
        at,
      ]);
      return batch;
    });
  }

  async findTarget(deliveryId: Id): Promise<DeliveryTarget | null> {
    const target = await this.readTarget(deliveryId);
    if (target) return target;
    await this.system.run((tx) => tx.rows('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]));
    return this.readTarget(deliveryId);
  }

  async recordAttempt(
    deliveryId: Id,
    attempt: Omit<DeliveryAttempt, 'attempt'>,
    status: DeliveryStatus,
  ): Promise<void> {
    const finishedAt =
      status === DeliveryStatus.Pending ? null : new Date(attempt.startedAt.getTime() + attempt.durationMs);
    // The attempt number comes from the row, so that a job run again after a crash still counts on.
    await this.system.run((tx) =>
      tx.execute(
        `UPDATE webhook_deliveries SET
           attempts = attempts + 1, status = $2, response_status = $3, error = $4, last_attempt_at = $5, finished_at = $6,
           attempt_log = attempt_log || jsonb_build_array(jsonb_build_object(
             'attempt', attempts + 1, 'succeeded', $7::boolean, 'responseStatus', $3::int, 'error', $4::text,
             'startedAt', $5::timestamptz, 'durationMs', $8::int))
         WHERE id = $1 AND status = 'PENDING'`,
        [
          deliveryId,
          status,
          attempt.responseStatus,
          attempt.error,
          attempt.startedAt,
          finishedAt,
          attempt.succeeded,
          attempt.durationMs,
        ],
      ),
    );
  }

  /** One delivery per webhook subscribed to each event's type. */
  private async planDeliveries(
    tx: SqlTransaction,
    events: readonly OutboxEvent[],
    newId: () => Id,
  ): Promise<PlannedDelivery[]> {
    const types = [...new Set(events.map((e) => e.type))];
    const webhooks = await tx.rows<Pick<WebhookRow, 'id' | 'event_types'>>(
      'SELECT id, event_types FROM webhooks WHERE event_types && $1::text[] ORDER BY id',
      [types],
    );
    return events.flatMap((event) =>
      webhooks
        .filter((w) => w.event_types.includes(event.type))
        .map((w) => ({ id: newId(), webhookId: w.id, eventId: event.id, eventType: event.type })),
    );
  }

  private async readTarget(deliveryId: Id): Promise<DeliveryTarget | null> {
    const row = await this.system.run((tx) =>
      tx.first<TargetRow>(
        `SELECT d.id, d.status, d.event_id, w.url, w.sealed_secret, e.type, e.payload, e.created_at
           FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox_events e ON e.id = d.event_id
          WHERE d.id = $1`,
        [deliveryId],
      ),
    );
    if (!row) return null;
    return {
      deliveryId: row.id,
      status: row.status,
      url: row.url,
      sealedSecret: row.sealed_secret,
      event: { id: row.event_id, type: row.type, payload: row.payload, createdAt: row.created_at },
    };
  }
}
