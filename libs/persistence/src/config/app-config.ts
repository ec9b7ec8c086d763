import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { type Environment, parseEnvironment } from './environment';

/** Used only outside production, and announced in the log at start. */
export const DEVELOPMENT_SYSTEM_TOKEN = 'dev-system-token';
const DEVELOPMENT_SECRET_KEY = createHash('sha256').update('instance-provisioner development key').digest('hex');

/** The validated, typed configuration every process reads. */
export class AppConfig {
  readonly port: number;
  /** Native gRPC port of the System API; -1 when it is off. */
  readonly grpcPort: number;
  /** The worker's Prometheus port; -1 when it is off. */
  readonly workerMetricsPort: number;
  readonly consoleSessionTtlSeconds: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
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
    this.redisUrl = env.REDIS_URL;
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

export const SYSTEM_USER_ROLES = ['SYSTEM_OWNER', 'SYSTEM_OWNER_VIEWER'] as const;
export type SystemUserRole = (typeof SYSTEM_USER_ROLES)[number];

/** A ZITADEL-style system user: it signs RS256 JWTs with the private key of `publicKey`. */
export interface SystemUser {
  readonly id: string;
  readonly publicKey: KeyObject;
  readonly role: SystemUserRole;
}

/**
 * Parses SYSTEM_API_USERS: `{"<id>": {"keyData": "<base64 of a PEM RSA public key>" | "path": "<PEM file>", "role"?: ...}}`.
 * Every error names the variable and the user id; key material is never echoed.
 */
export function parseSystemUsers(json: string | undefined): Map<string, SystemUser> {
  const users = new Map<string, SystemUser>();
  if (json === undefined || json.trim() === '') return users;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    const position = /position \d+/.exec((e as Error).message);
    throw systemUsersError(`is not valid JSON${position ? ` (error at ${position[0]})` : ''}`);
  }
  if (!isPlainObject(parsed))
    throw systemUsersError('must be a JSON object mapping user ids to {keyData | path, role}');
  for (const [id, entry] of Object.entries(parsed)) {
    try {
      users.set(id, parseSystemUser(id, entry));
    } catch (e) {
      throw systemUsersError(`user ${JSON.stringify(id)}: ${(e as Error).message}`);
    }
  }
  return users;
}

function parseSystemUser(id: string, entry: unknown): SystemUser {
  if (!/^[A-Za-z0-9._@-]{1,128}$/.test(id)) throw new Error('the user id must be 1 to 128 of [A-Za-z0-9._@-]');
  if (!isPlainObject(entry)) throw new Error('must be an object {keyData | path, role}');
  const { keyData, path, role = 'SYSTEM_OWNER', ...unknown } = entry;
  if (Object.keys(unknown).length > 0)
    throw new Error(`unknown field ${Object.keys(unknown).join(', ')} (expected keyData or path, and role)`);
  if (!SYSTEM_USER_ROLES.includes(role as SystemUserRole))
    throw new Error(`role must be one of ${SYSTEM_USER_ROLES.join(', ')}`);
  if ((keyData === undefined) === (path === undefined)) throw new Error('give exactly one of keyData and path');
  let pem: string;
  let source: string;
  if (keyData !== undefined) {
    if (typeof keyData !== 'string') throw new Error('keyData must be a string');
    pem = Buffer.from(keyData, 'base64').toString('utf8');
    source = 'keyData (base64 of a PEM RSA public key)';
  } else {
    if (typeof path !== 'string' || path === '') throw new Error('path must be a file name');
    source = `the key file ${path}`;
    try {
      pem = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${source} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { cause: e });
    }
  }
  if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) throw new Error(`${source} does not hold a PEM public key`);
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error(`${source} is not a valid PEM public key`);
  }
  if (publicKey.asymmetricKeyType !== 'rsa')
    throw new Error(`${source} must be an RSA key, not ${publicKey.asymmetricKeyType}`);
  if ((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    throw new Error(`${source} must be an RSA key of at least 2048 bits`);
  return { id, publicKey, role: role as SystemUserRole };
}

function systemUsersError(why: string): Error {
  return new Error(`Invalid configuration:\n  SYSTEM_API_USERS: ${why}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
