import { randomBytes } from 'node:crypto';

import IORedis from 'ioredis';

import { redisUrl } from './services';

/** A BullMQ prefix of its own for one test file, and the means to read or remove what it wrote. */
export class TestRedis {
  readonly prefix = `test-${randomBytes(5).toString('hex')}`;
  readonly url = redisUrl();

  /** Every key and value under the prefix, as text (for leak checks). */
  async dump(): Promise<string> {
    const redis = new IORedis(this.url);
    try {
      const keys = await redis.keys(`${this.prefix}:*`);
      const parts: string[] = [];
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'string') parts.push(key, String(await redis.get(key)));
        else if (type === 'hash') parts.push(key, JSON.stringify(await redis.hgetall(key)));
        else if (type === 'list') parts.push(key, JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === 'set') parts.push(key, JSON.stringify(await redis.smembers(key)));
        else if (type === 'zset') parts.push(key, JSON.stringify(await redis.zrange(key, 0, -1)));
        else if (type === 'stream') parts.push(key, JSON.stringify(await redis.xrange(key, '-', '+')));
      }
      return parts.join('\n');
    } finally {
      redis.disconnect();
    }
  }

  async clear(): Promise<void> {
    const redis = new IORedis(this.url);
    try {
      const keys = await redis.keys(`${this.prefix}:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }
}
