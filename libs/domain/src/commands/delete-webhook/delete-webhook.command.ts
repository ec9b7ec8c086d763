import { Command } from '@nestjs/cqrs';
import { Id } from '../../shared/id';

export class DeleteWebhookCommand extends Command<void> {
  constructor(readonly webhookId: Id) {
    super();
  }
}
