import { Query } from '@nestjs/cqrs';

import { type Webhook } from '../../webhooks/webhook';

export class ListWebhooksQuery extends Query<Webhook[]> {}
