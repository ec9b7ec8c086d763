import { QuotaUsageCounter, UsageCount } from '@app/domain';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { createRedisConnection, RedisConnection } from '../queue/redis-connection';

/** INCR, and on the period's first count, expiry an hour after the period ends (late requests of the period still find it). */
const INCREMENT_SCRIPT =
  "local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('pexpireat', KEYS[1], ARGV[1]) end return n";
const EXPIRY_SLACK_MS = 3_600_000;

/**
 * Usage per instance, unit and period in Redis, under `<QUEUE_PREFIX>:quota:<instanceId>:<unit>:<periodStart ms>`,
 * so that every API process counts in the same place. Fails open: when Redis does not answer, requests are not
 * counted rather than refused (a counting outage must not take the tenant API down).
 */
@Injectable()
export class RedisQuotaUsageCounter extends QuotaUsageCounter implements OnModuleDestroy {
  private readonly logger = new Logger(RedisQuotaUsageCounter.name);
  private redis?: RedisConnection;

  constructor(private readonly config: AppConfig) {
    super();
  }

  async increment(count: UsageCount): Promise<number | null> {
    const key = `${this.config.queuePrefix}:quota:${count.instanceId}:${count.unit}:${count.periodStart.getTime()}`;
    try {
      return Number(
        await this.connect().eval(INCREMENT_SCRIPT, 1, key, String(count.periodEnd.getTime() + EXPIRY_SLACK_MS)),
      );
    } catch (error) {
      this.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'quota usage counter: Redis failed; request not counted',
      );
      return null;
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /** Connects on first use: the worker never counts. */
  private connect(): RedisConnection {
    if (!this.redis) {
      this.redis = createRedisConnection(this.config, 'quota-usage', { maxRetriesPerRequest: 1 });
      this.redis.on('error', (error: Error) =>
        this.logger.warn({ err: { message: error.message } }, 'quota usage counter: Redis error'),
      );
    }
    return this.redis;
  }
}
