import { RelayWebhookOutboxCommand } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { type JobHandler } from '../jobs/job-handler';

/**
 * Moves committed outbox events to the delivery queue. A job scheduler runs the relay every WEBHOOK_RELAY_INTERVAL_MS
 * (once per tick however many workers run; see queue-settings.ts), and WebhookRelayNudge runs it at once when a
 * PostgreSQL NOTIFY says events were committed. Relays in several workers share the work through FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class WebhookRelayJobHandler implements JobHandler<JobName.RelayWebhookOutbox> {
  static readonly handles = [JobName.RelayWebhookOutbox];

  private readonly logger = new Logger(WebhookRelayJobHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async handle(): Promise<number> {
    const { events, deliveries } = await this.commands.execute(new RelayWebhookOutboxCommand());
    if (events > 0) this.logger.log({ events, deliveries }, 'relayed outbox events to webhook deliveries');
    return deliveries;
  }
}
