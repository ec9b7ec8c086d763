import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';
import { type DeliveryStatus } from '../../webhooks/webhook-delivery';

/**
 * One attempt at one delivery. Answers the delivery's status afterwards: PENDING means "try again later"
 * (the worker lets BullMQ retry), null that there was nothing to do (the delivery is gone or already finished).
 */
export class DeliverWebhookCommand extends Command<DeliveryStatus | null> {
  constructor(
    readonly deliveryId: Id,
    readonly finalAttempt: boolean,
  ) {
    super();
  }
}
