import { OutboxNotifications } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';

import { OUTBOX_CHANNEL } from './record-outbox-event';

const RECONNECT_MS = 5000;

/**
 * LISTENs on the outbox channel with a connection of its own. Best effort: when the connection drops it reconnects
 * after a pause, and the relay's schedule covers the gap.
 */
@Injectable()
export class PgOutboxNotifications extends OutboxNotifications {
  private readonly logger = new Logger(PgOutboxNotifications.name);

  constructor(private readonly config: AppConfig) {
    super();
  }

  async subscribe(listener: () => void): Promise<() => Promise<void>> {
    let client: Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const reconnectLater = () => {
      if (stopped || retry) return;
      retry = setTimeout(() => {
        retry = undefined;
        void connect().catch(() => undefined);
      }, RECONNECT_MS);
    };
    const connect = async (): Promise<void> => {
      const next = new Client({ connectionString: this.config.databaseUrl });
      next.on('notification', () => listener());
      next.on('error', (error) => {
        this.logger.warn({ err: { message: error.message } }, 'outbox notifications lost; listening again soon');
        void next.end().catch(() => undefined);
        if (client === next) client = null;
        reconnectLater();
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      } catch (error) {
        await next.end().catch(() => undefined);
        reconnectLater();
        throw error;
      }
      if (stopped) await next.end().catch(() => undefined);
      else client = next;
    };
    await connect().catch((error: Error) =>
      this.logger.warn({ err: { message: error.message } }, 'cannot listen for outbox events; relying on the schedule'),
    );
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    };
  }
}
