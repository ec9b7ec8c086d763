import IORedis, { type Redis } from 'ioredis';

/**
 * BullMQ workers need maxRetriesPerRequest: null so that blocking commands survive reconnects. The connection is
 * named `<queue prefix>:<role>`, so that `CLIENT LIST` tells which deployment and which part holds it.
 */
export function createRedisConnection(config: { redisUrl: string; queuePrefix: string }, role: string): Redis {
  return new IORedis(config.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: `${config.queuePrefix}:${role}`,
    lazyConnect: false,
  });
}
