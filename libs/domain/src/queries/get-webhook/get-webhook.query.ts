import { Query } from '@nestjs/cqrs';
import { Id } from '../../shared/id';
import { Webhook } from '../../webhooks/webhook';

export class GetWebhookQuery extends Query<Webhook> {
  constructor(readonly webhookId: Id) {
    super();
  }
}
