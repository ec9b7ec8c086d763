import { Query } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';
import { type Webhook } from '../../webhooks/webhook';

export class GetWebhookQuery extends Query<Webhook> {
  constructor(readonly webhookId: Id) {
    super();
  }
}
