import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../errors';
import { WebhookRepository } from '../../ports';
import { isId } from '../../shared/id';
import { Webhook } from '../../webhooks/webhook';
import { GetWebhookQuery } from './get-webhook.query';
import { preview } from '../../shared/text';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ webhookId }: GetWebhookQuery): Promise<Webhook> {
    const webhook = isId(webhookId) ? await this.webhooks.findById(webhookId) : null;
    if (!webhook) throw DomainError.notFound(`webhook ${preview(webhookId)} not found`);
    return webhook;
  }
}
