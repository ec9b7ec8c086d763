import {
  DeliveryAttempt,
  DeliveryStatus,
  DeliveryTarget,
  Id,
  OutboxEvent,
  PlannedDelivery,
  RelayBatch,
  WebhookDeliveryStore,
  WebhookEventType,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Relays hold this advisory lock (shared) for their whole transaction. They queue the delivery jobs before they commit,
 * so a job can run before its row is visible: a delivery that finds no row takes the lock exclusively, which waits
 * for the relays in flight to commit or roll back, and reads again.
 */
const RELAY_LOCK_KEY = 7_420_391_119;

interface EventRow {
  id: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  created_at: Date;
}

@Injectable()
export class TypeOrmWebhookDeliveryStore extends WebhookDeliveryStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  relay(limit: number, newId: () => Id, at: Date, enqueue: (batch: RelayBatch) => Promise<void>): Promise<RelayBatch> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [RELAY_LOCK_KEY]);
      // SKIP LOCKED: relays in other workers take the next events instead of waiting for these.
      const rows = (await tx.query(
        `SELECT id, type, payload, created_at FROM outbox_events WHERE dispatched_at IS NULL
         ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      )) as EventRow[];
      if (rows.length === 0) return { events: [], deliveries: [] };
      const events: OutboxEvent[] = rows.map((r) => ({
        id: r.id,
        type: r.type,
        payload: r.payload,
        createdAt: r.created_at,
      }));
      const types = [...new Set(events.map((e) => e.type))];
      const webhooks = (await tx.query(
        'SELECT id, event_types FROM webhooks WHERE event_types && $1::text[] ORDER BY id',
        [types],
      )) as {
        id: string;
        event_types: string[];
      }[];
      const deliveries: PlannedDelivery[] = events.flatMap((event) =>
        webhooks
          .filter((w) => w.event_types.includes(event.type))
          .map((w) => ({ id: newId(), webhookId: w.id, eventId: event.id, eventType: event.type })),
      );
      if (deliveries.length > 0) {
        await tx.query(
          `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, created_at)
           SELECT d.id, d.webhook_id, d.event_id, d.event_type, 'PENDING', $2
           FROM jsonb_to_recordset($1::jsonb) AS d(id text, webhook_id text, event_id text, event_type text)`,
          [
            JSON.stringify(
              deliveries.map((d) => ({
                id: d.id,
                webhook_id: d.webhookId,
                event_id: d.eventId,
                event_type: d.eventType,
              })),
            ),
            at,
          ],
        );
      }
      const batch = { events, deliveries };
      await enqueue(batch);
      await tx.query('UPDATE outbox_events SET dispatched_at = $2 WHERE id = ANY($1::varchar[])', [
        events.map((e) => e.id),
        at,
      ]);
      return batch;
    });
  }

  async findTarget(deliveryId: Id): Promise<DeliveryTarget | null> {
    const target = await this.readTarget(deliveryId);
    if (target) return target;
    await this.db.transaction((tx) => tx.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]));
    return this.readTarget(deliveryId);
  }

  private async readTarget(deliveryId: Id): Promise<DeliveryTarget | null> {
    const [row] = (await this.db.query(
      `SELECT d.id, d.status, w.url, w.sealed_secret, e.id AS event_id, e.type, e.payload, e.created_at
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox_events e ON e.id = d.event_id
       WHERE d.id = $1`,
      [deliveryId],
    )) as (EventRow & { status: DeliveryStatus; url: string; sealed_secret: string; event_id: string })[];
    if (!row) return null;
    return {
      deliveryId: row.id,
      status: row.status,
      url: row.url,
      sealedSecret: row.sealed_secret,
      event: { id: row.event_id, type: row.type, payload: row.payload, createdAt: row.created_at },
    };
  }

  async recordAttempt(
    deliveryId: Id,
    attempt: Omit<DeliveryAttempt, 'attempt'>,
    status: DeliveryStatus,
  ): Promise<void> {
    const finishedAt =
      status === DeliveryStatus.Pending ? null : new Date(attempt.startedAt.getTime() + attempt.durationMs);
    // The attempt number comes from the row, so that a job run again after a crash still counts on.
    await this.db.query(
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
    );
  }
}
