import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

export class DeleteWebhookCommand extends Command<void> {
  constructor(readonly webhookId: Id) {
    super();
  }
}
