import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { Clock, IdGenerator, SecretSealer, WebhookRepository, WebhookUrlPolicy } from '../../ports';
import { checkWebhookInput } from '../../webhooks/webhook';
import { newWebhookSecret } from '../../webhooks/webhook-signature';
import { CreatedWebhook, CreateWebhookCommand } from './create-webhook.command';

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly ids: IdGenerator,
    private readonly sealer: SecretSealer,
    private readonly clock: Clock,
    private readonly urlPolicy: WebhookUrlPolicy,
  ) {}

  async execute({ input, callerId }: CreateWebhookCommand): Promise<CreatedWebhook> {
    const checked = checkWebhookInput(input);
    const refusal = this.urlPolicy.refusal(checked.url);
    if (refusal) throw DomainError.invalidField('url', refusal);
    const secret = newWebhookSecret();
    const webhook = { id: this.ids.newId(), ...checked, createdAt: this.clock.now() };
    // Sealed, not hashed: the worker must recover the secret to sign every delivery.
    await this.webhooks.create({ ...webhook, sealedSecret: this.sealer.seal(secret), createdBy: callerId });
    return { webhook, secret };
  }
}
