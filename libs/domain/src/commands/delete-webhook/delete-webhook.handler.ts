import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { WebhookRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { DeleteWebhookCommand } from './delete-webhook.command';

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ webhookId }: DeleteWebhookCommand): Promise<void> {
    if (!isId(webhookId) || !(await this.webhooks.delete(webhookId)))
      throw DomainError.notFound(`webhook ${preview(webhookId)} not found`);
  }
}
