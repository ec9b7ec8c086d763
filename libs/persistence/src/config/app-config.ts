import { createHash } from 'node:crypto';
import { Environment, parseEnvironment } from './environment';

/** Used only outside production, and announced in the log at start. */
export const DEVELOPMENT_SYSTEM_TOKEN = 'dev-system-token';
const DEVELOPMENT_SECRET_KEY = createHash('sha256').update('instance-provisioner development key').digest('hex');

/** The validated, typed configuration every process reads. */
export class AppConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly baseDomain: string;
  /** SHA-256 hex digests of the accepted System API tokens; the plaintext is not kept. */
  readonly systemTokenDigests: string[];
  readonly usesDevelopmentCredentials: boolean;
  readonly secretKey: Buffer;
  readonly syncWaitSeconds: number;
  readonly secretRetentionSeconds: number;
  readonly secretSweepIntervalMs: number;
  readonly signInAttemptsPerMinute: number;
  readonly workerConcurrency: number;
  readonly workerLockDurationMs: number;
  readonly jobAttempts: number;
  readonly jobBackoffMs: number;
  readonly defaultBucketName: string;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly production: boolean;

  constructor(env: Environment) {
    const tokens = (env.SYSTEM_API_TOKENS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    this.usesDevelopmentCredentials = tokens.length === 0 || !env.SECRET_KEY;
    this.port = env.PORT;
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.queuePrefix = env.QUEUE_PREFIX;
    this.baseDomain = env.BASE_DOMAIN;
    this.systemTokenDigests = (tokens.length > 0 ? tokens : [DEVELOPMENT_SYSTEM_TOKEN]).map(sha256Hex);
    this.secretKey = decodeKey(env.SECRET_KEY ?? DEVELOPMENT_SECRET_KEY);
    this.syncWaitSeconds = env.SYNC_WAIT_SECONDS;
    this.secretRetentionSeconds = env.SECRET_RETENTION_SECONDS;
    this.secretSweepIntervalMs = env.SECRET_SWEEP_INTERVAL_MS;
    this.signInAttemptsPerMinute = env.SIGNIN_ATTEMPTS_PER_MINUTE;
    this.workerConcurrency = env.WORKER_CONCURRENCY;
    this.workerLockDurationMs = env.WORKER_LOCK_DURATION_MS;
    this.jobAttempts = env.JOB_ATTEMPTS;
    this.jobBackoffMs = env.JOB_BACKOFF_MS;
    this.defaultBucketName = env.DEFAULT_BUCKET_NAME;
    this.trustProxy = env.TRUST_PROXY;
    this.logLevel = env.LOG_LEVEL;
    this.production = env.NODE_ENV === 'production';
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
