import { type Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgListenOptions {
  readonly databaseUrl: string;
  readonly channel: string;
  /** The pause before connecting again after a failed attempt or a lost connection. */
  readonly reconnectMs: number;
  /** TCP keep-alive, for a listener that must notice a dead connection rather than wait for the next query. */
  readonly keepAlive?: boolean;
  readonly logger: Logger;
  /** Logged when an attempt to connect and LISTEN fails: what the process does without notifications. */
  readonly cannotListenMessage: string;
  /** Logged when an established connection is lost. */
  readonly lostMessage: string;
  onNotification(payload: string | undefined): void;
  /** The LISTEN is in place (again): whatever happened while it was not has not been heard. */
  onListening?(): void;
  /** The connection was lost: nothing is heard until `onListening()` comes again. */
  onLost?(): void;
}

/**
 * One dedicated PostgreSQL connection that LISTENs on one channel, outside the pool (a pooled connection would be
 * handed to others and lose the LISTEN). It reconnects after a pause whenever an attempt fails or the connection is
 * lost (pg_terminate_backend, a server restart or a network error: `error` and/or `end`, in either order), and
 * `close()` ends it for good.
 */
export class PgListenConnection {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: PgListenOptions) {}

  get isListening(): boolean {
    return this.client !== null;
  }

  /** Connects unless connected, connecting, waiting to reconnect or closed; settles when this attempt has, never rejects. */
  start(): Promise<void> {
    if (this.stopped || this.client || this.retry) return Promise.resolve();
    this.connecting ??= this.connect()
      .catch((error: Error) => {
        this.options.logger.warn({ err: { message: error.message } }, this.options.cannotListenMessage);
        this.reconnectLater();
      })
      .finally(() => (this.connecting = null));
    return this.connecting;
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { databaseUrl, channel, keepAlive = false } = this.options;
    const next = new Client({ connectionString: databaseUrl, keepAlive });
    let lostAlready = false;
    next.on('notification', ({ payload }) => {
      if (!lostAlready && !this.stopped) this.options.onNotification(payload);
    });
    const lost = (error?: Error) => {
      lostAlready = true;
      void next.end().catch(() => undefined);
      if (this.client !== next) return;
      this.client = null;
      this.options.onLost?.();
      if (!this.stopped)
        this.options.logger.warn({ err: { message: error?.message ?? 'connection ended' } }, this.options.lostMessage);
      this.reconnectLater();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped || lostAlready) {
      await next.end().catch(() => undefined);
      if (lostAlready && !this.stopped) this.reconnectLater();
      return;
    }
    this.client = next;
    this.options.onListening?.();
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, this.options.reconnectMs);
  }
}
