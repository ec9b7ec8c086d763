import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { WebhookRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { Webhook } from '../../webhooks/webhook';
import { GetWebhookQuery } from './get-webhook.query';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ webhookId }: GetWebhookQuery): Promise<Webhook> {
    const webhook = isId(webhookId) ? await this.webhooks.findById(webhookId) : null;
    if (!webhook) throw DomainError.notFound(`webhook ${preview(webhookId)} not found`);
    return webhook;
  }
}
