import { Command } from '@nestjs/cqrs';

import { type Webhook, type WebhookInput } from '../../webhooks/webhook';

export interface CreatedWebhook {
  readonly webhook: Webhook;
  /** `whsec_...`: shown to the caller this once, then kept only sealed. */
  readonly secret: string;
}

export class CreateWebhookCommand extends Command<CreatedWebhook> {
  constructor(
    readonly input: WebhookInput,
    readonly callerId: string,
  ) {
    super();
  }
}
