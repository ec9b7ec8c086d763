import { type Id } from '../shared/id';
import { type NewWebhook, type Webhook } from '../webhooks/webhook';
import { type WebhookDelivery } from '../webhooks/webhook-delivery';

/** System API webhooks (not tenant data: no instance scope). */
export abstract class WebhookRepository {
  abstract create(webhook: NewWebhook): Promise<void>;
  /** Oldest first. */
  abstract list(): Promise<Webhook[]>;
  abstract findById(webhookId: Id): Promise<Webhook | null>;
  /** Removes the webhook and its deliveries (pending ones are then skipped); false when there was none. */
  abstract delete(webhookId: Id): Promise<boolean>;
  /** Newest first. */
  abstract listDeliveries(webhookId: Id, limit: number): Promise<WebhookDelivery[]>;
}
