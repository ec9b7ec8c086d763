/** One seed node of a Redis Cluster, as REDIS_CLUSTER_NODES names it. */
export interface RedisNode {
  readonly host: string;
  readonly port: number;
}

const NODE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/**
 * Parses REDIS_CLUSTER_NODES (`host:port,host:port`, IPv6 hosts in brackets) into seed nodes. Empty when unset.
 * Throws a message without the variable name; parseEnvironment adds it.
 */
export function parseRedisClusterNodes(value: string | undefined): RedisNode[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((entry) => {
    const match = NODE.exec(entry.trim());
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535)
      throw new Error(
        `must be comma-separated host:port seed nodes (ports 1 to 65535); ${JSON.stringify(entry)} is not`,
      );
    return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
  });
}

/**
 * Whether every key that starts with `prefix` hashes to one cluster slot: Redis hashes only the part between the
 * first `{` and the first `}` after it, when that part is not empty. BullMQ's Lua scripts touch several keys of a
 * queue at once, which a cluster allows only when they share a slot.
 */
export function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  if (open < 0) return false;
  const close = prefix.indexOf('}', open + 1);
  return close > open + 1;
}

/** What is wrong with the Redis settings of cluster mode, one message per variable (none when it is off). */
export function redisClusterProblems(env: {
  REDIS_CLUSTER_NODES?: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
}): string[] {
  const problems: string[] = [];
  let nodes: RedisNode[];
  try {
    nodes = parseRedisClusterNodes(env.REDIS_CLUSTER_NODES);
  } catch (error) {
    return [`REDIS_CLUSTER_NODES: ${(error as Error).message}`];
  }
  if (nodes.length === 0) return problems;
  if (!hasHashTag(env.QUEUE_PREFIX))
    problems.push(
      `QUEUE_PREFIX: must contain a hash tag such as {${env.QUEUE_PREFIX.replace(/[{}]/g, '') || 'provisioner'}} ` +
        'when REDIS_CLUSTER_NODES is set, so that each queue keeps its keys in one cluster slot',
    );
  const database = redisDatabase(env.REDIS_URL);
  if (database !== '' && database !== '0')
    problems.push(`REDIS_URL: a Redis Cluster has only database 0; drop the /${database} from the URL`);
  return problems;
}

/** The database a redis:// URL names (its path without the slash), '' when it names none. */
function redisDatabase(url: string): string {
  try {
    return new URL(url).pathname.replace(/^\//, '');
  } catch {
    return ''; // REDIS_URL's own check reports a malformed URL
  }
}
