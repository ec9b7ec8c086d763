import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

/** The channel the access tables' triggers notify with an instance id (see the InstanceAccessNotifications migration). */
export const INSTANCE_ACCESS_CHANGED_CHANNEL = 'instance_access_changed';
const RECONNECT_MS = 1000;

/** What a cache of instance access data hears from the database. */
export interface InstanceAccessObserver {
  /** Listening (again): changes made while it was not are unknown, so nothing remembered from before may be trusted. */
  listening(): void;
  /** The connection is lost: changes are no longer heard until `listening()` comes again. */
  deaf(): void;
  /** Something that decides who may call this instance, or how, changed (its transaction has committed). */
  changed(instanceId: string): void;
}

/**
 * One LISTEN connection on `instance_access_changed` for the API's caller cache, reconnecting a second after it
 * drops. Unlike the operation waits (which fall back to polling), the observer is told when the connection is lost
 * so that it can stop trusting what it holds: a cache that cannot hear revocations must not answer.
 */
@Injectable()
export class PgInstanceAccessChanges implements OnApplicationShutdown {
  private readonly logger = new Logger(PgInstanceAccessChanges.name);
  private observer: InstanceAccessObserver | null = null;
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly config: AppConfig) {}

  /** Starts listening for one observer; `listening()` is called once the LISTEN is in place. */
  observe(observer: InstanceAccessObserver): void {
    this.observer = observer;
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private start(): void {
    if (this.stopped || this.client || this.connecting || this.retry) return;
    this.connecting = this.connect()
      .catch((error: Error) => {
        this.logger.warn(
          { err: { message: error.message } },
          'cannot listen for instance access changes; the caller cache is bypassed',
        );
        this.reconnectLater();
      })
      .finally(() => (this.connecting = null));
  }

  private async connect(): Promise<void> {
    const next = new Client({ connectionString: this.config.databaseUrl, keepAlive: true });
    next.on('notification', ({ payload }) => {
      if (this.client === next && payload) this.observer?.changed(payload);
    });
    // pg_terminate_backend, a server restart or a network error: 'error' and/or 'end', in either order.
    const lost = (error?: Error) => {
      void next.end().catch(() => undefined);
      if (this.client !== next) return;
      this.client = null;
      this.observer?.deaf();
      if (!this.stopped)
        this.logger.warn(
          { err: { message: error?.message ?? 'connection ended' } },
          'instance access notifications lost; the caller cache is bypassed until listening again',
        );
      this.reconnectLater();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    try {
      await next.connect();
      await next.query(`LISTEN ${INSTANCE_ACCESS_CHANGED_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    this.client = next;
    this.observer?.listening();
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start();
    }, RECONNECT_MS);
  }
}
