import { Id, OperationChangeListener, OperationChanges, OperationState } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

import { PgListenConnection } from './pg-listen-connection';

/** The channel the operations table's trigger notifies with `<id> <state>` of each updated operation (see migrations). */
export const OPERATION_CHANGED_CHANNEL = 'operation_changed';
const RECONNECT_MS = 5000;

/**
 * One LISTEN connection per process, opened at the first subscription and shared by every waiter; notifications
 * are fanned out by operation id. When the connection drops it reconnects after a pause; waiters poll meanwhile.
 */
@Injectable()
export class PgOperationChanges extends OperationChanges implements OnApplicationShutdown {
  private readonly listeners = new Map<Id, Set<OperationChangeListener>>();
  private readonly connection: PgListenConnection;

  constructor(config: AppConfig) {
    super();
    this.connection = new PgListenConnection({
      databaseUrl: config.databaseUrl,
      channel: OPERATION_CHANGED_CHANNEL,
      reconnectMs: RECONNECT_MS,
      logger: new Logger(PgOperationChanges.name),
      cannotListenMessage: 'cannot listen for operation changes; polling',
      lostMessage: 'operation change notifications lost; listening again soon',
      onNotification: (payload) => {
        const [operationId, state] = (payload ?? '').split(' ');
        const known = Object.values<string>(OperationState).includes(state) ? (state as OperationState) : null;
        for (const listener of [...(this.listeners.get(operationId) ?? [])]) listener(known);
      },
      // Changes may have gone unheard before, or will be from now on: every waiter reads again and picks its pace.
      onListening: () => this.wakeAll(),
      onLost: () => this.wakeAll(),
    });
  }

  subscribe(operationId: Id, listener: OperationChangeListener): () => void {
    const set = this.listeners.get(operationId) ?? new Set();
    set.add(listener);
    this.listeners.set(operationId, set);
    void this.connection.start();
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(operationId) === set) this.listeners.delete(operationId);
    };
  }

  get listening(): boolean {
    return this.connection.isListening;
  }

  private wakeAll(): void {
    for (const set of [...this.listeners.values()]) for (const listener of [...set]) listener(null);
  }

  onApplicationShutdown(): Promise<void> {
    return this.connection.close();
  }
}
