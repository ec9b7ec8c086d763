import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import IORedis, { Cluster } from 'ioredis';

import { until } from './until';

const run = promisify(execFile);

/** Redis 7 is the first with `--cluster-port`, which lets the cluster bus use a free port of its own. */
const MINIMUM_MAJOR_VERSION = 7;

/**
 * A Redis Cluster of its own for one test file: `nodes` masters (no replicas) on free loopback ports in a temporary
 * folder, created with `redis-cli --cluster create`. `stop()` kills the servers it started and removes the folder;
 * they are also killed if the test process exits without calling it.
 */
export class LocalRedisCluster {
  private constructor(
    private readonly servers: ChildProcess[],
    readonly ports: number[],
    private readonly dir: string,
    private readonly killOnExit: () => void,
  ) {}

  /** Why a local cluster cannot be started here, or null when redis-server and redis-cli are usable. */
  static unavailableBecause(): string | null {
    const server = findExecutable('redis-server');
    if (!server) return 'redis-server is not on PATH';
    if (!findExecutable('redis-cli')) return 'redis-cli is not on PATH';
    const version = /v=(\d+)\./.exec(spawnSync(server, ['--version'], { encoding: 'utf8' }).stdout ?? '');
    if (!version || Number(version[1]) < MINIMUM_MAJOR_VERSION)
      return `redis-server ${version ? version[1] : '(unknown version)'} is older than ${MINIMUM_MAJOR_VERSION}`;
    return null;
  }

  static async start(nodes = 3): Promise<LocalRedisCluster> {
    const dir = mkdtempSync(path.join(tmpdir(), 'redis-cluster-'));
    const servers: ChildProcess[] = [];
    const killOnExit = () => servers.forEach((server) => server.kill('SIGKILL'));
    process.once('exit', killOnExit);
    const free = await freePorts(2 * nodes);
    const ports = free.slice(0, nodes);
    try {
      ports.forEach((port, i) => servers.push(startNode(dir, port, free[nodes + i])));
      const cluster = new LocalRedisCluster(servers, ports, dir, killOnExit);
      await Promise.all(ports.map((port) => cluster.waitForPing(port)));
      await run('redis-cli', [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ]);
      // Every node must agree before clients connect, or the first commands meet MOVED loops or CLUSTERDOWN.
      await Promise.all(ports.map((port) => cluster.waitForClusterOk(port)));
      return cluster;
    } catch (error) {
      await new LocalRedisCluster(servers, ports, dir, killOnExit).stop();
      throw error;
    }
  }

  /** REDIS_CLUSTER_NODES for the service. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  /** A cluster client for the test's own reads; the caller disconnects it. */
  client(): Cluster {
    return new Cluster(this.ports.map((port) => ({ host: '127.0.0.1', port })));
  }

  /** Each node's own keys that match `pattern` (KEYS is per node in a cluster), by port. */
  async keysByNode(pattern: string): Promise<Map<number, string[]>> {
    const byNode = new Map<number, string[]>();
    for (const port of this.ports) byNode.set(port, await this.onNode(port, (redis) => redis.keys(pattern)));
    return byNode;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null || server.signalCode !== null) return resolve();
            const force = setTimeout(() => server.kill('SIGKILL'), 5000);
            server.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            server.kill('SIGTERM');
          }),
      ),
    );
    process.removeListener('exit', this.killOnExit);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async onNode<T>(port: number, fn: (redis: IORedis) => Promise<T>): Promise<T> {
    const redis = new IORedis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await redis.connect();
      return await fn(redis);
    } finally {
      redis.disconnect();
    }
  }

  private async waitForPing(port: number): Promise<void> {
    const server = this.servers[this.ports.indexOf(port)];
    await until(`redis-server on port ${port} to answer`, () => {
      // A node that could not bind its port ends at once: say why instead of waiting for the deadline.
      if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null)
        throw new Error(`redis-server on port ${port} ended: ${this.log(port)}`);
      return this.onNode(port, (redis) => redis.ping()).catch(() => false);
    });
  }

  private waitForClusterOk(port: number): Promise<unknown> {
    return until(`cluster_state:ok on port ${port}`, () =>
      this.onNode(port, async (redis) => String(await redis.cluster('INFO')).includes('cluster_state:ok')),
    );
  }

  private log(port: number): string {
    try {
      return readFileSync(path.join(this.dir, `${port}.log`), 'utf8')
        .trim()
        .split('\n')
        .slice(-3)
        .join(' | ');
    } catch {
      return 'none';
    }
  }
}

function startNode(dir: string, port: number, busPort: number): ChildProcess {
  // No persistence: the cluster lives only as long as the test file.
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--cluster-port',
      String(busPort),
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      path.join(dir, `nodes-${port}.conf`),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--bind',
      '127.0.0.1',
      '--logfile',
      path.join(dir, `${port}.log`),
    ],
    { stdio: 'ignore' },
  ).on('error', () => undefined); // a failed spawn also ends the process: waitForPing reports it
}

/**
 * `count` different ports that nothing listens on now, picked by the OS; all are held open together so that no two
 * are the same. The servers bind them a moment later.
 */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function findExecutable(name: string): string | null {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not in this folder */
    }
  }
  return null;
}
