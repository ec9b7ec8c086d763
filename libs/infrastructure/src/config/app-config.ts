import { createHash } from 'node:crypto';

import { databaseUrlAs } from './database-url';
import { type Environment, parseEnvironment } from './environment';
import { parseRedisClusterNodes, type RedisNode } from './redis-cluster';
import { parseSystemUsers, type SystemUser } from './system-users';

export { parseSystemUsers, SYSTEM_USER_ROLES, type SystemUser, type SystemUserRole } from './system-users';

/** Used only outside production, and announced in the log at start. */
export const DEVELOPMENT_SYSTEM_TOKEN = 'dev-system-token';
const DEVELOPMENT_SECRET_KEY = createHash('sha256').update('instance-provisioner development key').digest('hex');
/** Who migrates when MIGRATION_DATABASE_URL is not set: the local superuser a fresh development machine has. */
const LOCAL_SUPERUSER = 'postgres';

/** The validated, typed configuration every process reads. */
export class AppConfig {
  readonly port: number;
  /** Native gRPC port of the System API; -1 when it is off. */
  readonly grpcPort: number;
  /** The worker's Prometheus port; -1 when it is off. */
  readonly workerMetricsPort: number;
  readonly consoleSessionTtlSeconds: number;
  /** Where the API and worker connect: the non-owner application role, subject to row-level security. */
  readonly databaseUrl: string;
  /** Where migrations run: the tables' owner. */
  readonly migrationDatabaseUrl: string;
  readonly redisUrl: string;
  /** Seed nodes of the Redis Cluster (REDIS_CLUSTER_NODES); empty when the service uses the one server of REDIS_URL. */
  readonly redisClusterNodes: readonly RedisNode[];
  readonly queuePrefix: string;
  readonly baseDomain: string;
  /** SHA-256 hex digests of the accepted System API tokens; the plaintext is not kept. */
  readonly systemTokenDigests: string[];
  /** SYSTEM_API_USERS by user id, with their public keys parsed at start. */
  readonly systemUsers: ReadonlyMap<string, SystemUser>;
  /** What system users' JWTs must name in `aud` (SYSTEM_API_ISSUER), without a trailing slash. */
  readonly systemApiIssuer: string;
  readonly usesDevelopmentCredentials: boolean;
  readonly secretKey: Buffer;
  readonly syncWaitSeconds: number;
  readonly secretRetentionSeconds: number;
  readonly secretSweepIntervalMs: number;
  /** How often a wait for an operation re-reads it without a change notification (the fallback poll). */
  readonly operationWaitFallbackMs: number;
  /** How long a resolved tenant caller may be reused; 0: no cache (AUTH_CACHE_TTL_MS). */
  readonly authCacheTtlMs: number;
  readonly authCacheMaxEntries: number;
  /** Failed password checks allowed per instance + user in one minute. */
  readonly passwordAttemptsPerMinute: number;
  /** Failed password checks allowed per client address in one minute. */
  readonly passwordAttemptsPerAddressPerMinute: number;
  readonly workerConcurrency: number;
  readonly workerNice: number;
  readonly workerLockDurationMs: number;
  readonly jobAttempts: number;
  readonly jobBackoffMs: number;
  readonly webhookRelayIntervalMs: number;
  readonly webhookAttempts: number;
  readonly webhookBackoffMs: number;
  readonly webhookBackoffMaxMs: number;
  readonly webhookConcurrency: number;
  /** Whether webhooks may reach non-public addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  readonly webhookAllowPrivateNetworks: boolean;
  readonly defaultBucketName: string;
  readonly maxPendingTenantOperations: number;
  readonly maxPendingCreatesPerCaller: number;
  readonly onboardDefaultInstance: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly machineKeyPoolSize: number;
  readonly machineKeyPoolRefillMs: number;
  readonly production: boolean;
  readonly development: boolean;

  constructor(env: Environment) {
    const tokens = (env.SYSTEM_API_TOKENS ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    this.systemUsers = parseSystemUsers(env.SYSTEM_API_USERS);
    const noCredentials = tokens.length === 0 && this.systemUsers.size === 0;
    this.usesDevelopmentCredentials = noCredentials || !env.SECRET_KEY;
    this.systemApiIssuer = (env.SYSTEM_API_ISSUER ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.port = env.PORT;
    this.grpcPort = env.GRPC_PORT;
    this.workerMetricsPort = env.WORKER_METRICS_PORT;
    this.consoleSessionTtlSeconds = env.CONSOLE_SESSION_TTL_SECONDS;
    this.databaseUrl = env.DATABASE_URL;
    this.migrationDatabaseUrl = env.MIGRATION_DATABASE_URL ?? databaseUrlAs(env.DATABASE_URL, LOCAL_SUPERUSER);
    this.redisUrl = env.REDIS_URL;
    this.redisClusterNodes = parseRedisClusterNodes(env.REDIS_CLUSTER_NODES);
    this.queuePrefix = env.QUEUE_PREFIX;
    this.baseDomain = env.BASE_DOMAIN;
    this.systemTokenDigests = (noCredentials ? [DEVELOPMENT_SYSTEM_TOKEN] : tokens).map(sha256Hex);
    this.secretKey = decodeKey(env.SECRET_KEY ?? DEVELOPMENT_SECRET_KEY);
    this.syncWaitSeconds = env.SYNC_WAIT_SECONDS;
    this.secretRetentionSeconds = env.SECRET_RETENTION_SECONDS;
    this.secretSweepIntervalMs = env.SECRET_SWEEP_INTERVAL_MS;
    this.operationWaitFallbackMs = env.OPERATION_WAIT_FALLBACK_MS;
    this.authCacheTtlMs = env.AUTH_CACHE_TTL_MS;
    this.authCacheMaxEntries = env.AUTH_CACHE_MAX_ENTRIES;
    this.passwordAttemptsPerMinute = env.PASSWORD_ATTEMPTS_PER_MINUTE ?? env.SIGNIN_ATTEMPTS_PER_MINUTE ?? 10;
    this.passwordAttemptsPerAddressPerMinute = env.PASSWORD_ATTEMPTS_PER_ADDRESS_PER_MINUTE;
    this.workerConcurrency = env.WORKER_CONCURRENCY;
    this.workerNice = env.WORKER_NICE;
    this.workerLockDurationMs = env.WORKER_LOCK_DURATION_MS;
    this.jobAttempts = env.JOB_ATTEMPTS;
    this.jobBackoffMs = env.JOB_BACKOFF_MS;
    this.webhookRelayIntervalMs = env.WEBHOOK_RELAY_INTERVAL_MS;
    this.webhookAttempts = env.WEBHOOK_ATTEMPTS;
    this.webhookBackoffMs = env.WEBHOOK_BACKOFF_MS;
    this.webhookBackoffMaxMs = env.WEBHOOK_BACKOFF_MAX_MS;
    this.webhookConcurrency = env.WEBHOOK_CONCURRENCY;
    this.webhookAllowPrivateNetworks = env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
    this.defaultBucketName = env.DEFAULT_BUCKET_NAME;
    this.maxPendingTenantOperations = env.MAX_PENDING_TENANT_OPERATIONS;
    this.maxPendingCreatesPerCaller = env.MAX_PENDING_CREATES_PER_CALLER;
    this.onboardDefaultInstance = env.ONBOARD_DEFAULT_INSTANCE;
    this.machineKeyPoolSize = env.MACHINE_KEY_POOL_SIZE;
    this.machineKeyPoolRefillMs = env.MACHINE_KEY_POOL_REFILL_MS;
    this.trustProxy = env.TRUST_PROXY;
    this.logLevel = env.LOG_LEVEL;
    this.production = env.NODE_ENV === 'production';
    this.development = env.NODE_ENV === 'development';
  }

  static fromEnvironment(env: Record<string, string | undefined> = process.env): AppConfig {
    return new AppConfig(parseEnvironment(env));
  }
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function decodeKey(value: string): Buffer {
  return /^[0-9a-f]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
}
