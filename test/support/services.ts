import IORedis from 'ioredis';
import { Client } from 'pg';

// By path, not by the @app alias: Jest loads this file for its global setup, where the alias does not resolve.
import { APPLICATION_ROLE, databaseUrlAs } from '../../libs/infrastructure/src/config/database-url';

/** The PostgreSQL server tests use: DATABASE_URL's server (its database name is ignored) or the local one. */
export function adminDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
}

export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A test database as the role API and worker connect as in tests, as in production: not the owner, bound by
 * row-level security (the migration step grants it).
 */
export function applicationUrlFor(name: string): string {
  return databaseUrlAs(databaseUrlFor(name), APPLICATION_ROLE);
}

export async function postgresAnswers(url = adminDatabaseUrl()): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function redisAnswers(url = redisUrl()): Promise<boolean> {
  const redis = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
