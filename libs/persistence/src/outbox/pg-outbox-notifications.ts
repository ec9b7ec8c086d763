import { OutboxNotifications } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';

import { PgListenConnection } from './pg-listen-connection';
import { OUTBOX_CHANNEL } from './record-outbox-event';

const RECONNECT_MS = 5000;

/**
 * LISTENs on the outbox channel with a connection of its own per subscription. Best effort: when the connection
 * drops it reconnects after a pause, and the relay's schedule covers the gap.
 */
@Injectable()
export class PgOutboxNotifications extends OutboxNotifications {
  private readonly logger = new Logger(PgOutboxNotifications.name);

  constructor(private readonly config: AppConfig) {
    super();
  }

  /** Answers once the first attempt to listen has settled, successful or not. */
  async subscribe(listener: () => void): Promise<() => Promise<void>> {
    const connection = new PgListenConnection({
      databaseUrl: this.config.databaseUrl,
      channel: OUTBOX_CHANNEL,
      reconnectMs: RECONNECT_MS,
      logger: this.logger,
      cannotListenMessage: 'cannot listen for outbox events; relying on the schedule',
      lostMessage: 'outbox notifications lost; listening again soon',
      onNotification: () => listener(),
    });
    await connection.start();
    return () => connection.close();
  }
}
