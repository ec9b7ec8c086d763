/** What one benchmark run is asked to do, read from BENCH_* variables (and DATABASE_URL / REDIS_URL for the servers). */
export interface BenchSettings {
  instances: number;
  clientConcurrency: number;
  workerConcurrency: number;
  ceilingSeconds: number;
  /** How long every operation may take to finish, counted from the first request. */
  provisioningTimeoutSeconds: number;
  readyTimeoutSeconds: number;
  adminDatabaseUrl: string;
  redisUrl: string;
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

/** DATABASE_URL's server (its database name is ignored) or the local one, on the maintenance database. */
function adminDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
}

export function readSettings(): BenchSettings {
  return {
    instances: positiveInteger('BENCH_INSTANCES', 200),
    clientConcurrency: positiveInteger('BENCH_CLIENT_CONCURRENCY', 16),
    workerConcurrency: positiveInteger('BENCH_WORKER_CONCURRENCY', 4),
    ceilingSeconds: positiveInteger('BENCH_CEILING_SECONDS', 10),
    provisioningTimeoutSeconds: positiveInteger('BENCH_TIMEOUT_SECONDS', 120),
    readyTimeoutSeconds: positiveInteger('BENCH_READY_TIMEOUT_SECONDS', 60),
    adminDatabaseUrl: adminDatabaseUrl(),
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
