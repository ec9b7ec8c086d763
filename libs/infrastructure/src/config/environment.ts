import 'reflect-metadata';

import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

import { APPLICATION_ROLE } from './database-url';
import { redisClusterProblems } from './redis-cluster';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

/** Every environment variable the service reads, with its default. README.md documents the same table. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 8080;

  /** Native gRPC (h2c) port of the System API; -1 turns it off, 0 picks a free port (tests). */
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @Max(65535)
  GRPC_PORT = 8081;

  /** Port of the worker's own Prometheus endpoint (job and step durations); -1 turns it off, 0 picks a free port (tests). */
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @Max(65535)
  WORKER_METRICS_PORT = 9464;

  /** How long an operator console session lasts after sign-in. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  CONSOLE_SESSION_TTL_SECONDS = 28800;

  /** The application role API and worker connect as; the migration step creates it when missing. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = `postgres://${APPLICATION_ROLE}@127.0.0.1:5432/provisioner`;

  /** The tables' owner, for migrations only; default: DATABASE_URL as the local superuser `postgres`. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;

  /** One Redis server; with REDIS_CLUSTER_NODES only its user name, password and `rediss:` (TLS) are used. */
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Redis Cluster mode: comma-separated `host:port` seed nodes (`[v6 address]:port` for IPv6). When set, every
   * Redis connection of the process (queues, workers, limiter, sessions, counters) is an ioredis Cluster, and
   * QUEUE_PREFIX must hold a hash tag (checked in parseEnvironment, see redis-cluster.ts).
   */
  @IsOptional()
  @IsString()
  REDIS_CLUSTER_NODES?: string;

  /** Prefix of every Redis key; on a Redis Cluster it must hold a hash tag such as `{provisioner}`. */
  @Matches(/^[A-Za-z0-9_{}:-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1 to 64 of [A-Za-z0-9_{}:-]' })
  QUEUE_PREFIX = 'provisioner';

  @Matches(/^[a-z0-9.-]+(:\d+)?$/, { message: 'BASE_DOMAIN must be a lowercase host name' })
  BASE_DOMAIN = 'localhost';

  @IsOptional()
  @IsString()
  SYSTEM_API_TOKENS?: string;

  /** JSON: `{"<user id>": {"keyData": "<base64 PEM RSA public key>" | "path": "<file>", "role"?: "SYSTEM_OWNER" | "SYSTEM_OWNER_VIEWER"}}`. */
  @IsOptional()
  @IsString()
  SYSTEM_API_USERS?: string;

  /** What system users' JWTs must name in `aud`; default `http://localhost:<PORT>`. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'SYSTEM_API_ISSUER must be an http(s) URL without query or fragment',
  })
  SYSTEM_API_ISSUER?: string;

  @IsOptional()
  @Matches(/^([0-9a-f]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'SECRET_KEY must be 32 bytes as 64 hex characters or base64',
  })
  SECRET_KEY?: string;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  SYNC_WAIT_SECONDS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  SECRET_RETENTION_SECONDS = 3600;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  SECRET_SWEEP_INTERVAL_MS = 60000;

  /** How often waiters re-read an operation when no change notification came (the notifications may be down). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(600000)
  OPERATION_WAIT_FALLBACK_MS = 1000;

  /**
   * How long the API may reuse a resolved tenant caller (and an instance's request quota) without reading the
   * database again; 0 turns the cache off. Changes evict at once through PostgreSQL notifications, so this only
   * bounds how stale an entry can get if notifications silently stop arriving.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60000)
  AUTH_CACHE_TTL_MS = 5000;

  /** Entries the caller cache holds at most (least recently used go first). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000000)
  AUTH_CACHE_MAX_ENTRIES = 10000;

  /** Failed password checks per instance + user per minute (default 10, see AppConfig). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  PASSWORD_ATTEMPTS_PER_MINUTE?: number;

  /** The former name of PASSWORD_ATTEMPTS_PER_MINUTE, still read when the new one is unset. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  SIGNIN_ATTEMPTS_PER_MINUTE?: number;

  /** Failed password checks per client address per minute, whatever the user name. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  PASSWORD_ATTEMPTS_PER_ADDRESS_PER_MINUTE = 100;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 4;

  /**
   * The worker's CPU niceness (0 to 19): key pairs and password hashes yield the cores to the API's requests when
   * both run on one machine, as `npm start` runs them.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(19)
  WORKER_NICE = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  WORKER_LOCK_DURATION_MS = 30000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  JOB_ATTEMPTS = 5;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  JOB_BACKOFF_MS = 1000;

  /** How often the relay looks for outbox events when no notification wakes it. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  WEBHOOK_RELAY_INTERVAL_MS = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_ATTEMPTS = 15;

  /** First redelivery delay; it doubles per attempt up to WEBHOOK_BACKOFF_MAX_MS (defaults: the 15th attempt ~22.75 h after the first). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  WEBHOOK_BACKOFF_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  WEBHOOK_BACKOFF_MAX_MS = 12 * 3600 * 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  WEBHOOK_CONCURRENCY = 8;

  /** Lets webhooks reach loopback, private, link-local, multicast and unspecified addresses (off: SSRF protection). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  @Matches(/^[^_"][^"]{0,254}$/, { message: 'DEFAULT_BUCKET_NAME must not start with _ or contain "' })
  DEFAULT_BUCKET_NAME = 'default';

  /** Unfinished (PENDING or RUNNING) setups one instance may have queued; more are refused with 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  MAX_PENDING_TENANT_OPERATIONS = 10;

  /** Unfinished instance creations one System API caller may have queued; more are refused with 429 (gRPC 8). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000000)
  MAX_PENDING_CREATES_PER_CALLER = 100;

  /** false: BASE_DOMAIN serves no open default instance (production should turn it off). */
  @Transform(toBoolean)
  @IsBoolean()
  ONBOARD_DEFAULT_INSTANCE = true;

  /** RSA key pairs the worker makes ahead of need while it is idle; 0 turns the pool off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10000)
  MACHINE_KEY_POOL_SIZE = 50;

  /** How often the worker checks the key pool and tops it up when it is idle. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3600000)
  MACHINE_KEY_POOL_REFILL_MS = 5000;

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** Parses and checks the environment once; the error names every variable that is wrong. */
export function parseEnvironment(env: Record<string, string | undefined>): Environment {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const clusterProblems = redisClusterProblems(parsed);
  if (clusterProblems.length > 0)
    throw new Error(`Invalid configuration:\n${clusterProblems.map((p) => `  ${p}`).join('\n')}`);
  if (parsed.NODE_ENV === 'production') {
    const missing = (['SYSTEM_API_TOKENS', 'SECRET_KEY'] as const)
      .filter((k) => !parsed[k] && !(k === 'SYSTEM_API_TOKENS' && parsed.SYSTEM_API_USERS))
      .map((k) => (k === 'SYSTEM_API_TOKENS' ? 'SYSTEM_API_TOKENS or SYSTEM_API_USERS' : k));
    if (missing.length > 0)
      throw new Error(
        `Invalid configuration:\n${missing.map((k) => `  ${k}: is required when NODE_ENV=production`).join('\n')}`,
      );
  }
  return parsed;
}
