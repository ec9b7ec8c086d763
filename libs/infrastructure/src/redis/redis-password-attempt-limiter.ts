import { createHash } from 'node:crypto';

import { AttemptAdmission, DomainError, ErrorCode, PasswordAttempt, PasswordAttemptLimiter } from '@app/domain';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { AppConfig } from '../config/app-config';
import { createRedisConnection, RedisConnection } from '../queue/redis-connection';

const WINDOW_SECONDS = 60;

/** Takes back one counted attempt, unless its window has ended meanwhile (a new window must not start in credit). */
const FORGIVE_SCRIPT = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0";

interface Limiters {
  readonly redis: RedisConnection;
  readonly account: RateLimiterRedis;
  readonly address: RateLimiterRedis;
}

/**
 * PasswordAttemptLimiter on Redis (rate-limiter-flexible, fixed one-minute windows), so that every API process
 * counts in the same place. Keys live under `<QUEUE_PREFIX>:password-attempts:`; user names are hashed into them.
 * Fails closed: when Redis does not answer, password checks are refused with 503.
 */
@Injectable()
export class RedisPasswordAttemptLimiter extends PasswordAttemptLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RedisPasswordAttemptLimiter.name);
  private limiters?: Limiters;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async admit(attempt: PasswordAttempt): Promise<AttemptAdmission> {
    const { account, address } = this.connect();
    const outcomes = await Promise.allSettled([
      account.consume(accountKey(attempt)),
      address.consume(attempt.clientAddress),
    ]);
    let refusedForMs = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      if (!(outcome.reason instanceof RateLimiterRes)) throw this.unavailable(outcome.reason);
      refusedForMs = Math.max(refusedForMs, outcome.reason.msBeforeNext);
    }
    return refusedForMs > 0
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusedForMs / 1000)) }
      : { allowed: true };
  }

  async forgive(attempt: PasswordAttempt): Promise<void> {
    const { redis, account, address } = this.connect();
    await Promise.all([
      redis.eval(FORGIVE_SCRIPT, 1, account.getKey(accountKey(attempt))),
      redis.eval(FORGIVE_SCRIPT, 1, address.getKey(attempt.clientAddress)),
    ]).catch((error: unknown) => {
      throw this.unavailable(error);
    });
  }

  onModuleDestroy(): void {
    // disconnect, not quit: quit waits for a reconnect that may never come when Redis is away.
    this.limiters?.redis.disconnect();
  }

  /** Connects on first use: processes that never check a password (the worker) never open the connection. */
  private connect(): Limiters {
    if (!this.limiters) {
      // One retry per command: a password check should fail fast rather than hang while Redis is away.
      const redis = createRedisConnection(this.config, 'password-attempts', { maxRetriesPerRequest: 1 });
      redis.on('error', (error: Error) =>
        this.logger.warn({ err: { message: error.message } }, 'password attempt limiter: Redis error'),
      );
      const prefix = `${this.config.queuePrefix}:password-attempts`;
      this.limiters = {
        redis,
        account: new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}:account`,
          points: this.config.passwordAttemptsPerMinute,
          duration: WINDOW_SECONDS,
        }),
        address: new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}:address`,
          points: this.config.passwordAttemptsPerAddressPerMinute,
          duration: WINDOW_SECONDS,
        }),
      };
    }
    return this.limiters;
  }

  private unavailable(error: unknown): DomainError {
    this.logger.error(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'password attempt limiter: Redis failed',
    );
    return new DomainError(ErrorCode.Unavailable, 'password checks are unavailable for the moment');
  }
}

/** Instance id and a digest of the account (user id or lowercased name): bounded, and no user names in Redis. */
function accountKey(attempt: PasswordAttempt): string {
  return `${attempt.instanceId}:${createHash('sha256').update(attempt.account, 'utf8').digest('hex').slice(0, 32)}`;
}
