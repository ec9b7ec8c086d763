import {
  DeliveryAttempt,
  DeliveryStatus,
  Id,
  NewWebhook,
  Webhook,
  WebhookDelivery,
  WebhookEventType,
  WebhookRepository,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface WebhookRow {
  id: string;
  url: string;
  event_types: WebhookEventType[];
  description: string;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: DeliveryStatus;
  attempts: number;
  response_status: number | null;
  error: string | null;
  attempt_log: (Omit<DeliveryAttempt, 'startedAt'> & { startedAt: string })[];
  created_at: Date;
  last_attempt_at: Date | null;
  finished_at: Date | null;
}

/** Never selects sealed_secret: what this repository answers goes to API callers. */
const WEBHOOK_COLUMNS = 'id, url, event_types, description, created_at';

@Injectable()
export class TypeOrmWebhookRepository extends WebhookRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async create(w: NewWebhook): Promise<void> {
    await this.db.query(
      'INSERT INTO webhooks (id, url, event_types, description, sealed_secret, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [w.id, w.url, w.eventTypes, w.description, w.sealedSecret, w.createdBy, w.createdAt],
    );
  }

  async list(): Promise<Webhook[]> {
    const rows = (await this.db.query(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`,
    )) as WebhookRow[];
    return rows.map(toWebhook);
  }

  async findById(webhookId: Id): Promise<Webhook | null> {
    const [row] = (await this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [
      webhookId,
    ])) as WebhookRow[];
    return row ? toWebhook(row) : null;
  }

  async delete(webhookId: Id): Promise<boolean> {
    const [, count] = (await this.db.query('DELETE FROM webhooks WHERE id = $1', [webhookId])) as [unknown, number];
    return count > 0;
  }

  async listDeliveries(webhookId: Id, limit: number): Promise<WebhookDelivery[]> {
    const rows = (await this.db.query(
      'SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
      [webhookId, limit],
    )) as DeliveryRow[];
    return rows.map(toDelivery);
  }
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    createdAt: row.created_at,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
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
