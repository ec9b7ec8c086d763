import IORedis, { Cluster, type Redis, type RedisOptions } from 'ioredis';

import { type RedisNode } from '../config/redis-cluster';

/** A connection to the one Redis server of REDIS_URL, or to the Redis Cluster of REDIS_CLUSTER_NODES. */
export type RedisConnection = Redis | Cluster;

/** The part of AppConfig a Redis connection needs. */
export interface RedisSettings {
  readonly redisUrl: string;
  readonly redisClusterNodes: readonly RedisNode[];
  readonly queuePrefix: string;
}

export interface RedisConnectionOptions {
  /**
   * Retries of a command while the connection is down; null (the default) retries until it is back, which BullMQ
   * requires so that its blocking commands survive reconnects. Adapters that must fail fast (limiter, guards) pass 1.
   */
  readonly maxRetriesPerRequest?: number | null;
}

/**
 * Every Redis connection of the service is made here, so that REDIS_CLUSTER_NODES switches all of them to an ioredis
 * Cluster at once. The connection is named `<queue prefix>:<role>`, so that `CLIENT LIST` (on each cluster node)
 * tells which deployment and which part holds it.
 */
export function createRedisConnection(
  config: RedisSettings,
  role: string,
  { maxRetriesPerRequest = null }: RedisConnectionOptions = {},
): RedisConnection {
  const options: RedisOptions = { maxRetriesPerRequest, connectionName: `${config.queuePrefix}:${role}` };
  if (config.redisClusterNodes.length === 0) return new IORedis(config.redisUrl, { ...options, lazyConnect: false });
  // The Cluster finds the other nodes from the seeds; each node connection gets these options.
  return new Cluster(
    config.redisClusterNodes.map(({ host, port }) => ({ host, port })),
    { redisOptions: { ...options, ...clusterCredentials(config.redisUrl) } },
  );
}

/** In cluster mode REDIS_URL names no server, but still carries the user name, the password and TLS (`rediss:`). */
export function clusterCredentials(redisUrl: string): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  const url = new URL(redisUrl);
  return {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
