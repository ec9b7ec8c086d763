import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { Clock, DeliveryTarget, SecretSealer, WebhookDeliveryStore, WebhookResponse, WebhookSender } from '../../ports';
import {
  DeliveryStatus,
  isSuccessStatus,
  statusAfterAttempt,
  WEBHOOK_TIMEOUT_MS,
} from '../../webhooks/webhook-delivery';
import { signedWebhookMessage } from '../../webhooks/webhook-message';
import { DeliverWebhookCommand } from './deliver-webhook.command';

/**
 * Signs and POSTs the event, then records the attempt. A crash after the POST and before the record makes BullMQ
 * run the job again, which sends the same webhook-id again: delivery is at least once.
 */
@CommandHandler(DeliverWebhookCommand)
export class DeliverWebhookHandler implements ICommandHandler<DeliverWebhookCommand> {
  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly sender: WebhookSender,
    private readonly sealer: SecretSealer,
    private readonly clock: Clock,
  ) {}

  async execute({ deliveryId, finalAttempt }: DeliverWebhookCommand): Promise<DeliveryStatus | null> {
    const target = await this.store.findTarget(deliveryId);
    if (!target || target.status !== DeliveryStatus.Pending) return null;
    const startedAt = this.clock.now();
    const response = await this.send(target, startedAt);
    const succeeded = response.status !== null && isSuccessStatus(response.status);
    const status = statusAfterAttempt(succeeded, finalAttempt);
    await this.store.recordAttempt(
      deliveryId,
      {
        succeeded,
        responseStatus: response.status,
        error: succeeded ? null : (response.error ?? `receiver answered HTTP ${response.status}`),
        startedAt,
        durationMs: this.clock.now().getTime() - startedAt.getTime(),
      },
      status,
    );
    return status;
  }

  private async send(target: DeliveryTarget, now: Date): Promise<WebhookResponse> {
    let secret: string;
    try {
      secret = this.sealer.open(target.sealedSecret);
    } catch {
      return { status: null, error: 'the webhook secret could not be opened with this SECRET_KEY' };
    }
    const message = signedWebhookMessage(target.event, secret, now);
    return this.sender.post({
      url: target.url,
      headers: message.headers,
      body: message.body,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
  }
}
