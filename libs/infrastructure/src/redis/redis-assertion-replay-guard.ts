import { createHash } from 'node:crypto';

import { AssertionReplayGuard, DomainError, ErrorCode, Id } from '@app/domain';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { createRedisConnection, RedisConnection } from '../queue/redis-connection';

/**
 * AssertionReplayGuard on Redis: `SET NX PX` under `<QUEUE_PREFIX>:oauth-jti:`, kept until the assertion expires,
 * so that every API process refuses a second use. Fails closed (503) when Redis does not answer.
 */
@Injectable()
export class RedisAssertionReplayGuard extends AssertionReplayGuard implements OnModuleDestroy {
  private readonly logger = new Logger(RedisAssertionReplayGuard.name);
  private redis?: RedisConnection;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async firstUse(instanceId: Id, issuer: string, jwtId: string, until: Date): Promise<boolean> {
    // At least a second: an assertion that expires now is refused by its exp anyway, but SET needs a positive PX.
    const ttlMs = Math.max(1000, until.getTime() - Date.now());
    const digest = createHash('sha256').update(`${issuer}\u0000${jwtId}`, 'utf8').digest('hex').slice(0, 40);
    try {
      const set = await this.connect().set(
        `${this.config.queuePrefix}:oauth-jti:${instanceId}:${digest}`,
        '1',
        'PX',
        ttlMs,
        'NX',
      );
      return set === 'OK';
    } catch (error) {
      this.logger.error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'assertion replay guard: Redis failed',
      );
      throw new DomainError(ErrorCode.Unavailable, 'token issuance is unavailable for the moment');
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /** Connects on first use, so processes that never issue tokens (the worker) never open the connection. */
  private connect(): RedisConnection {
    if (!this.redis) {
      this.redis = createRedisConnection(this.config, 'oauth-jti', { maxRetriesPerRequest: 1 });
      this.redis.on('error', (error: Error) =>
        this.logger.warn({ err: { message: error.message } }, 'assertion replay guard: Redis error'),
      );
    }
    return this.redis;
  }
}
