import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { WebhookRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { WebhookDelivery } from '../../webhooks/webhook-delivery';
import { ListWebhookDeliveriesQuery, MAX_DELIVERY_LIMIT } from './list-webhook-deliveries.query';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ webhookId, limit }: ListWebhookDeliveriesQuery): Promise<WebhookDelivery[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELIVERY_LIMIT) {
      throw DomainError.invalidField('limit', `must be an integer from 1 to ${MAX_DELIVERY_LIMIT}`);
    }
    if (!isId(webhookId) || !(await this.webhooks.findById(webhookId)))
      throw DomainError.notFound(`webhook ${preview(webhookId)} not found`);
    return this.webhooks.listDeliveries(webhookId, limit);
  }
}
