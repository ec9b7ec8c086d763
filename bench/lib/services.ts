import IORedis from 'ioredis';
import { Client } from 'pg';

/** A database of the run's own on the PostgreSQL server, created empty (the service migrates it at start). */
export class BenchDatabase {
  readonly name = `provisioner_bench_${process.pid}`;
  readonly url: string;
  private created = false;

  constructor(private readonly adminUrl: string) {
    const url = new URL(adminUrl);
    url.pathname = `/${this.name}`;
    this.url = url.toString();
  }

  async create(): Promise<void> {
    await this.admin(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    await this.admin(`CREATE DATABASE ${this.name}`);
    this.created = true;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async drop(): Promise<void> {
    if (!this.created) return;
    await this.admin(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    this.created = false;
  }

  private async admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** Deletes every Redis key under `<prefix>:`, in SCAN batches. Returns how many there were. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let deleted = 0;
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
