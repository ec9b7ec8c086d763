import { ConsoleSession, ConsoleSessionStore } from '@app/domain';
import { Injectable, OnModuleDestroy } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { createRedisConnection, RedisConnection } from '../queue/redis-connection';

/**
 * Console sessions in Redis under `<QUEUE_PREFIX>:console-session:<digest of the session id>`, with the session's
 * lifetime as the key's TTL, so that every API process sees the same sessions and expired ones vanish by themselves.
 */
@Injectable()
export class RedisConsoleSessionStore extends ConsoleSessionStore implements OnModuleDestroy {
  private redis?: RedisConnection;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async save(digest: string, session: ConsoleSession, ttlSeconds: number): Promise<void> {
    await this.connect().set(this.key(digest), JSON.stringify(session), 'EX', ttlSeconds);
  }

  async find(digest: string): Promise<ConsoleSession | null> {
    const stored = await this.connect().get(this.key(digest));
    return stored ? (JSON.parse(stored) as ConsoleSession) : null;
  }

  async remove(digest: string): Promise<void> {
    await this.connect().del(this.key(digest));
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  private key(digest: string): string {
    return `${this.config.queuePrefix}:console-session:${digest}`;
  }

  /** Connects on first use: the worker never opens this connection. */
  private connect(): RedisConnection {
    this.redis ??= createRedisConnection(this.config, 'console-sessions');
    return this.redis;
  }
}
