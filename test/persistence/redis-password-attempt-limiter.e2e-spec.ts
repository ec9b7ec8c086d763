import { DomainError, ErrorCode, type PasswordAttempt } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';

import { RedisPasswordAttemptLimiter } from '../../libs/infrastructure/src/redis/redis-password-attempt-limiter';
import { TestRedis } from '../support/test-redis';

/** The Redis adapter on its own, against the real Redis (and an unreachable one). */
describe(RedisPasswordAttemptLimiter.name, () => {
  const redis = new TestRedis();
  const limiters: RedisPasswordAttemptLimiter[] = [];
  const limiter = (redisUrl = redis.url) => {
    const config = AppConfig.fromEnvironment({
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: redis.prefix,
      PASSWORD_ATTEMPTS_PER_MINUTE: '2',
      PASSWORD_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '3',
    });
    const created = new RedisPasswordAttemptLimiter(config);
    limiters.push(created);
    return created;
  };
  const attempt = (account: string, clientAddress = '192.0.2.1'): PasswordAttempt => ({
    instanceId: '00000000000000aa',
    account,
    clientAddress,
  });

  // Outside an app, Nest's logger would print the expected connection errors of the last test to the console.
  beforeAll(() => Logger.overrideLogger(false));

  afterAll(async () => {
    for (const created of limiters) created.onModuleDestroy();
    await redis.clear();
  });

  it('refuses the attempt after the limit per account, with the seconds left in the window', async () => {
    const subject = limiter();
    expect(await subject.admit(attempt('user:a1', '192.0.2.1'))).toEqual({ allowed: true });
    expect(await subject.admit(attempt('user:a1', '192.0.2.2'))).toEqual({ allowed: true });
    const refused = await subject.admit(attempt('user:a1', '192.0.2.3'));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(refused.allowed || refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.allowed || refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('refuses the attempt after the limit per address, whatever the account', async () => {
    const subject = limiter();
    for (const account of ['name:x', 'name:y', 'name:z'])
      expect(await subject.admit(attempt(account, '198.51.100.7'))).toEqual({ allowed: true });
    expect((await subject.admit(attempt('name:w', '198.51.100.7'))).allowed).toBe(false);
  });

  it('gives a forgiven attempt back, and never leaves credit once the window has ended', async () => {
    const subject = limiter();
    for (let i = 0; i < 5; i += 1) {
      expect(await subject.admit(attempt('user:b1', `203.0.113.${i}`))).toEqual({ allowed: true });
      await subject.forgive(attempt('user:b1', `203.0.113.${i}`));
    }
    await subject.forgive(attempt('user:never-counted', '203.0.113.200'));
    const client = new IORedis(redis.url);
    try {
      expect(await client.keys(`${redis.prefix}:password-attempts:*:203.0.113.200`)).toEqual([]);
      const accountKeys = await client.keys(`${redis.prefix}:password-attempts:account:*`);
      expect(await Promise.all(accountKeys.map((key) => client.get(key)))).not.toContain('-1');
    } finally {
      client.disconnect();
    }
  });

  it('fails closed with 503 when Redis does not answer', async () => {
    const subject = limiter('redis://127.0.0.1:1');
    const error = await subject.admit(attempt('user:c1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.Unavailable });
  });
});
