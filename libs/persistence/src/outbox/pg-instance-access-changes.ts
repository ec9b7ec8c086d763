import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

import { PgListenConnection } from './pg-listen-connection';

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
  private observer: InstanceAccessObserver | null = null;
  private readonly connection: PgListenConnection;

  constructor(config: AppConfig) {
    this.connection = new PgListenConnection({
      databaseUrl: config.databaseUrl,
      channel: INSTANCE_ACCESS_CHANGED_CHANNEL,
      reconnectMs: RECONNECT_MS,
      keepAlive: true,
      logger: new Logger(PgInstanceAccessChanges.name),
      cannotListenMessage: 'cannot listen for instance access changes; the caller cache is bypassed',
      lostMessage: 'instance access notifications lost; the caller cache is bypassed until listening again',
      onNotification: (payload) => {
        if (payload) this.observer?.changed(payload);
      },
      onListening: () => this.observer?.listening(),
      onLost: () => this.observer?.deaf(),
    });
  }

  /** Starts listening for one observer; `listening()` is called once the LISTEN is in place. */
  observe(observer: InstanceAccessObserver): void {
    this.observer = observer;
    void this.connection.start();
  }

  get isListening(): boolean {
    return this.connection.isListening;
  }

  onApplicationShutdown(): Promise<void> {
    return this.connection.close();
  }
}
