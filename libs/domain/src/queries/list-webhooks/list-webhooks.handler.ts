import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { WebhookRepository } from '../../ports';
import { Webhook } from '../../webhooks/webhook';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  execute(): Promise<Webhook[]> {
    return this.webhooks.list();
  }
}
