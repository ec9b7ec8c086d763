import { Id, NewWebhook, Webhook, WebhookDelivery, WebhookRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { SystemDatabase } from '../database/system-database';
import { type WebhookDeliveryRow, type WebhookRow } from '../database/tables';

type WebhookView = Pick<WebhookRow, 'id' | 'url' | 'event_types' | 'description' | 'created_at'>;

/** Never selects sealed_secret: what this repository answers goes to API callers. */
const WEBHOOK_COLUMNS = 'id, url, event_types, description, created_at';

function toWebhook(row: WebhookView): Webhook {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    createdAt: row.created_at,
  };
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.attempts,
    status: row.status,
    responseStatus: row.response_status,
    error: row.error,
    attempts: row.attempt_log.map((a) => ({ ...a, startedAt: new Date(a.startedAt) })),
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    finishedAt: row.finished_at,
  };
}

/** System API webhooks: service-level rows that see every instance's events, so they live in the system scope. */
@Injectable()
export class TypeOrmWebhookRepository extends WebhookRepository {
  constructor(private readonly system: SystemDatabase) {
    super();
  }

  async create(w: NewWebhook): Promise<void> {
    // event_types is text[]: passed as an array with an explicit cast (insert() would send JSON).
    await this.system.run((tx) =>
      tx.execute(
        `INSERT INTO webhooks (id, url, event_types, description, sealed_secret, created_by, created_at)
         VALUES ($1, $2, $3::text[], $4, $5, $6, $7)`,
        [w.id, w.url, w.eventTypes, w.description, w.sealedSecret, w.createdBy, w.createdAt],
      ),
    );
  }

  async list(): Promise<Webhook[]> {
    const rows = await this.system.run((tx) =>
      tx.rows<WebhookView>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`),
    );
    return rows.map(toWebhook);
  }

  async findById(webhookId: Id): Promise<Webhook | null> {
    const row = await this.system.run((tx) =>
      tx.first<WebhookView>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [webhookId]),
    );
    return row ? toWebhook(row) : null;
  }

  async delete(webhookId: Id): Promise<boolean> {
    const deleted = await this.system.run((tx) => tx.execute('DELETE FROM webhooks WHERE id = $1', [webhookId]));
    return deleted > 0;
  }

  async listDeliveries(webhookId: Id, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.system.run((tx) =>
      tx.rows<WebhookDeliveryRow>(
        'SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
        [webhookId, limit],
      ),
    );
    return rows.map(toDelivery);
  }
}
