import { join } from 'node:path';

/** What one benchmark run is asked to do, read from BENCH_* variables (and REDIS_URL for the Redis server). */
export interface BenchSettings {
  /** BENCH_SMOKE=1: every size below defaults to its smoke value (a run of about two minutes that proves the bench works). */
  smoke: boolean;
  /** Throughput burst: async creates, each client lane long-polling `_wait` before it sends its next create. */
  instances: number;
  clientConcurrency: number;
  workerConcurrency: number;
  ceilingSeconds: number;
  /** Idle synchronous `_create` calls, one at a time. */
  syncCreates: number;
  /** Async creates sent while no worker runs (the API only reserves and enqueues). */
  acceptOnlyCreates: number;
  /** Tenant `GET /api/v2/buckets` with a PAT: requests at `tenantConcurrency` in flight, then one at a time. */
  tenantRequests: number;
  tenantConcurrency: number;
  tenantSerialRequests: number;
  /** Instances seeded straight into the tables before the second set of figures; 0 skips the seeded set. */
  fleetInstances: number;
  /** Creates per memory round (async, `clientConcurrency` in flight) and how many rounds; 0 skips the memory phase. */
  memoryRound: number;
  memoryRounds: number;
  /** How long each phase's operations may take to finish, counted from its first request. */
  provisioningTimeoutSeconds: number;
  readyTimeoutSeconds: number;
  /** A PostgreSQL URL of a role that may create databases and owns what it creates (its database name is ignored). */
  ownerDatabaseUrl: string;
  /**
   * BENCH_DATABASE_ROLE: `app` (default) runs API and worker as the application role, bound by row-level security, as
   * in production; `owner` runs them as the tables' owner, which row-level security exempts: the run without RLS.
   */
  databaseRole: 'app' | 'owner';
  /**
   * BENCH_KEY_POOL_SIZE → MACHINE_KEY_POOL_SIZE (default 50, the service's default). Idle sync creates run with a
   * full pool; the burst runs with the pool off (every create makes its pair: the sustained case). 0: off throughout.
   */
  keyPoolSize: number;
  redisUrl: string;
  resultsDirectory: string;
  /**
   * BENCH_PROFILE=<folder>: API and worker run with `--cpu-prof` and write one `.cpuprofile` each into that folder when
   * they stop (open it in Chrome DevTools or `npx speedscope`); empty: no profiling, the default.
   */
  profileDirectory: string | null;
}

/** Full size (the figures of issue 12) and smoke size of every phase. */
const SIZES = {
  BENCH_INSTANCES: [200, 20],
  BENCH_CLIENT_CONCURRENCY: [20, 20],
  BENCH_WORKER_CONCURRENCY: [4, 4],
  BENCH_CEILING_SECONDS: [10, 3],
  BENCH_SYNC_CREATES: [30, 5],
  BENCH_ACCEPT_ONLY_CREATES: [200, 40],
  BENCH_TENANT_REQUESTS: [5000, 400],
  BENCH_TENANT_CONCURRENCY: [20, 20],
  BENCH_TENANT_SERIAL_REQUESTS: [500, 50],
  BENCH_FLEET_INSTANCES: [10000, 2000],
  BENCH_MEMORY_ROUND: [1000, 20],
  BENCH_MEMORY_ROUNDS: [3, 3],
  BENCH_TIMEOUT_SECONDS: [600, 120],
  BENCH_READY_TIMEOUT_SECONDS: [60, 60],
} as const;

type SizeName = keyof typeof SIZES;

function integer(name: SizeName, smoke: boolean, minimum: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return SIZES[name][smoke ? 1 : 0];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`${name} must be an integer ≥ ${minimum}, not "${raw}"`);
  return value;
}

/**
 * The owner role's server, on the maintenance database. Not DATABASE_URL: the service is moving to a non-owner role
 * there, and the bench must create databases and seed tables as their owner.
 */
function ownerDatabaseUrl(): string {
  const url = new URL(
    process.env.BENCH_OWNER_DATABASE_URL || process.env.MIGRATION_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432',
  );
  url.pathname = '/postgres';
  return url.toString();
}

function isSet(name: string): boolean {
  return ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());
}

export function readSettings(): BenchSettings {
  const smoke = isSet('BENCH_SMOKE');
  const at = (name: SizeName, minimum = 1) => integer(name, smoke, minimum);
  return {
    smoke,
    instances: at('BENCH_INSTANCES'),
    clientConcurrency: at('BENCH_CLIENT_CONCURRENCY'),
    workerConcurrency: at('BENCH_WORKER_CONCURRENCY'),
    ceilingSeconds: at('BENCH_CEILING_SECONDS'),
    syncCreates: at('BENCH_SYNC_CREATES'),
    acceptOnlyCreates: at('BENCH_ACCEPT_ONLY_CREATES', 0),
    tenantRequests: at('BENCH_TENANT_REQUESTS'),
    tenantConcurrency: at('BENCH_TENANT_CONCURRENCY'),
    tenantSerialRequests: at('BENCH_TENANT_SERIAL_REQUESTS'),
    fleetInstances: at('BENCH_FLEET_INSTANCES', 0),
    memoryRound: at('BENCH_MEMORY_ROUND', 0),
    memoryRounds: at('BENCH_MEMORY_ROUNDS'),
    provisioningTimeoutSeconds: at('BENCH_TIMEOUT_SECONDS'),
    readyTimeoutSeconds: at('BENCH_READY_TIMEOUT_SECONDS'),
    ownerDatabaseUrl: ownerDatabaseUrl(),
    databaseRole: process.env.BENCH_DATABASE_ROLE === 'owner' ? 'owner' : 'app',
    keyPoolSize: Number(process.env.BENCH_KEY_POOL_SIZE ?? 50) || 0,
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    resultsDirectory: process.env.BENCH_RESULTS_DIR || join(__dirname, '..', 'results'),
    profileDirectory: process.env.BENCH_PROFILE || null,
  };
}
