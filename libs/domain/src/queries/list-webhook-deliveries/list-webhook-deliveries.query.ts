import { Query } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';
import { type WebhookDelivery } from '../../webhooks/webhook-delivery';

export const DEFAULT_DELIVERY_LIMIT = 100;
export const MAX_DELIVERY_LIMIT = 1000;

/** A webhook's deliveries, newest first. */
export class ListWebhookDeliveriesQuery extends Query<WebhookDelivery[]> {
  constructor(
    readonly webhookId: Id,
    readonly limit: number = DEFAULT_DELIVERY_LIMIT,
  ) {
    super();
  }
}
