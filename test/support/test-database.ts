import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { databaseUrlFor, withAdminClient } from './services';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A plain pg client on the database, for assertions on stored rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!template)
    throw new Error('TEST_TEMPLATE_DATABASE is not set: run tests through jest (test/support/global-setup.ts)');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = databaseUrlFor(name);
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    name,
    url,
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
