import { Query } from '@nestjs/cqrs';
import { Webhook } from '../../webhooks/webhook';

export class ListWebhooksQuery extends Query<Webhook[]> {}
