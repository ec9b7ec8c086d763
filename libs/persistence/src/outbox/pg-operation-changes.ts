import { Id, OperationChanges } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

/** The channel the operations table's trigger notifies with the id of each updated operation (see migrations). */
export const OPERATION_CHANGED_CHANNEL = 'operation_changed';
const RECONNECT_MS = 5000;

/**
 * One LISTEN connection per process, opened at the first subscription and shared by every waiter; notifications
 * are fanned out by operation id. When the connection drops it reconnects after a pause; waiters poll meanwhile.
 */
@Injectable()
export class PgOperationChanges extends OperationChanges implements OnApplicationShutdown {
  private readonly logger = new Logger(PgOperationChanges.name);
  private readonly listeners = new Map<Id, Set<() => void>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly config: AppConfig) {
    super();
  }

  subscribe(operationId: Id, listener: () => void): () => void {
    const set = this.listeners.get(operationId) ?? new Set();
    set.add(listener);
    this.listeners.set(operationId, set);
    this.start();
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(operationId) === set) this.listeners.delete(operationId);
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private start(): void {
    if (this.stopped || this.client || this.connecting || this.retry) return;
    this.connecting = this.connect()
      .catch((error: Error) => {
        this.logger.warn({ err: { message: error.message } }, 'cannot listen for operation changes; polling');
        this.reconnectLater();
      })
      .finally(() => (this.connecting = null));
  }

  private async connect(): Promise<void> {
    const next = new Client({ connectionString: this.config.databaseUrl });
    next.on('notification', ({ payload }) => {
      for (const listener of [...(this.listeners.get(payload ?? '') ?? [])]) listener();
    });
    next.on('error', (error) => {
      this.logger.warn(
        { err: { message: error.message } },
        'operation change notifications lost; listening again soon',
      );
      void next.end().catch(() => undefined);
      if (this.client === next) this.client = null;
      this.reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OPERATION_CHANGED_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) await next.end().catch(() => undefined);
    else this.client = next;
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start();
    }, RECONNECT_MS);
  }
}
