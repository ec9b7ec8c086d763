import IORedis, { Redis } from 'ioredis';

/** BullMQ workers need maxRetriesPerRequest: null so that blocking commands survive reconnects. */
export function createRedisConnection(redisUrl: string, name: string): Redis {
  return new IORedis(redisUrl, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}
