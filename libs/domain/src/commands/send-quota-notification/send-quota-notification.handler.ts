import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { Clock, WebhookSender } from '../../ports';
import { QUOTA_UNIT_NUMBER } from '../../quotas/quota';
import { QuotaRepository } from '../../quotas/quota-ports';
import { isSuccessStatus, WEBHOOK_TIMEOUT_MS } from '../../webhooks/webhook-delivery';
import { SendQuotaNotificationCommand } from './send-quota-notification.command';

/**
 * POSTs ZITADEL's quota notification body ({unit, id, callURL, periodStart, threshold, usage}, unit as its enum
 * number) through the webhook sender, which applies the webhook network policy. A notification whose quota was
 * removed or replaced since is dropped.
 */
@CommandHandler(SendQuotaNotificationCommand)
export class SendQuotaNotificationHandler implements ICommandHandler<SendQuotaNotificationCommand> {
  constructor(
    private readonly quotas: QuotaRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
  ) {}

  async execute({ due }: SendQuotaNotificationCommand): Promise<boolean> {
    const target = await this.quotas.findNotification(due.instanceId, due.notificationId);
    if (!target) return true;
    const body = {
      unit: QUOTA_UNIT_NUMBER[target.unit],
      id: target.notificationId,
      callURL: target.callUrl,
      periodStart: due.periodStart,
      threshold: due.threshold,
      usage: due.usage,
    };
    const response = await this.sender.post({
      url: target.callUrl,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
    if (response.status === null || !isSuccessStatus(response.status)) return false;
    // The event keeps no URL: a call URL may carry credentials.
    const { callURL: _url, ...recorded } = body;
    await this.quotas.recordNotified(due.instanceId, target, recorded, this.clock.now());
    return true;
  }
}
