import { AppConfig } from './app-config';
import { hasHashTag } from './redis-cluster';

const config = (env: Record<string, string>) => AppConfig.fromEnvironment({ NODE_ENV: 'test', ...env });

describe('REDIS_CLUSTER_NODES', () => {
  it('is off by default: no seed nodes, REDIS_URL names the one server', () => {
    expect(config({}).redisClusterNodes).toEqual([]);
  });

  it('reads comma-separated host:port seed nodes, IPv6 in brackets, spaces around commas allowed', () => {
    const nodes = config({
      REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002',
      QUEUE_PREFIX: '{provisioner}',
    }).redisClusterNodes;
    expect(nodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
  });

  it.each(['10.0.0.1', 'a:0', 'a:70000', 'a:7000,', 'redis://a:7000', 'a b:7000'])(
    'refuses %j, naming the variable and the entry',
    (value) => {
      expect(() => config({ REDIS_CLUSTER_NODES: value, QUEUE_PREFIX: '{p}' })).toThrow(
        /^Invalid configuration:\n {2}REDIS_CLUSTER_NODES: must be comma-separated host:port seed nodes/,
      );
    },
  );

  it('requires a hash tag in QUEUE_PREFIX, and suggests one', () => {
    expect(() => config({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: 'provisioner' })).toThrow(
      'Invalid configuration:\n  QUEUE_PREFIX: must contain a hash tag such as {provisioner} when REDIS_CLUSTER_NODES is set',
    );
    expect(config({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: 'prod:{provisioner}' }).queuePrefix).toBe(
      'prod:{provisioner}',
    );
  });

  it('leaves QUEUE_PREFIX free when cluster mode is off', () => {
    expect(config({ QUEUE_PREFIX: 'provisioner' }).queuePrefix).toBe('provisioner');
  });

  it('refuses a REDIS_URL database other than 0, which a cluster does not have', () => {
    expect(() =>
      config({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: '{p}', REDIS_URL: 'redis://:secret@x:6379/2' }),
    ).toThrow('REDIS_URL: a Redis Cluster has only database 0; drop the /2 from the URL');
    expect(
      config({ REDIS_CLUSTER_NODES: 'a:7000', QUEUE_PREFIX: '{p}', REDIS_URL: 'rediss://:secret@x:6379/0' })
        .redisClusterNodes,
    ).toHaveLength(1);
  });
});

describe('hasHashTag follows Redis: the first { and the first } after it, with something between', () => {
  it.each([
    ['{provisioner}', true],
    ['app:{q}:x', true],
    ['{a}{b}', true],
    ['provisioner', false],
    ['{}provisioner', false],
    ['{}{provisioner}', false], // Redis hashes the whole key when the first tag is empty
    ['{provisioner', false],
    ['provisioner}', false],
    ['}{a}', true],
  ])('%j: %s', (prefix, expected) => {
    expect(hasHashTag(prefix)).toBe(expected);
  });
});
