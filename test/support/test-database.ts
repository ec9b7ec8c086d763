import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { applicationUrlFor, databaseUrlFor, withAdminClient } from './services';

export interface TestDatabase {
  readonly name: string;
  /** As the owner (superuser): migrations and assertions on stored rows, which row-level security does not hide. */
  readonly url: string;
  /** As the application role, as API and worker connect. */
  readonly applicationUrl: string;
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
    applicationUrl: applicationUrlFor(name),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
