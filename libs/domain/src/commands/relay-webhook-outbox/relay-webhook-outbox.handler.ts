import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { Clock, IdGenerator, WebhookDeliveryQueue, WebhookDeliveryStore } from '../../ports';
import { RelayWebhookOutboxCommand } from './relay-webhook-outbox.command';

/** Events per transaction; a run goes on while batches come back full, up to MAX_BATCHES. */
export const RELAY_BATCH_SIZE = 100;
const MAX_BATCHES = 20;

@CommandHandler(RelayWebhookOutboxCommand)
export class RelayWebhookOutboxHandler implements ICommandHandler<RelayWebhookOutboxCommand> {
  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly queue: WebhookDeliveryQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ events: number; deliveries: number }> {
    const total = { events: 0, deliveries: 0 };
    for (let i = 0; i < MAX_BATCHES; i++) {
      // The jobs are queued before the transaction commits: a crash in between leaves jobs whose deliveries do not
      // exist (they do nothing) and events that a later run relays again (at least once).
      const batch = await this.store.relay(
        RELAY_BATCH_SIZE,
        () => this.ids.newId(),
        this.clock.now(),
        (b) => this.queue.enqueueDeliveries(b.deliveries.map((d) => d.id)),
      );
      total.events += batch.events.length;
      total.deliveries += batch.deliveries.length;
      if (batch.events.length < RELAY_BATCH_SIZE) break;
    }
    return total;
  }
}
