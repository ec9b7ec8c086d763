import { Command } from '@nestjs/cqrs';

/** Turns undispatched outbox events into queued deliveries; answers how many deliveries it queued. */
export class RelayWebhookOutboxCommand extends Command<{ events: number; deliveries: number }> {}
