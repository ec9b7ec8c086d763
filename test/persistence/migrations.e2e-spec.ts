import { randomBytes } from 'node:crypto';

import { migrations, runMigrations } from '@app/persistence';

import { databaseUrlFor, withAdminClient } from '../support/services';

describe('runMigrations', () => {
  const name = `test_migrate_${randomBytes(5).toString('hex')}`;

  afterAll(async () => {
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('creates a missing database and migrates it once when several processes start together', async () => {
    const url = databaseUrlFor(name);
    const results = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);

    expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
    // every migration, each applied by exactly one of the three
    expect(results.flat()).toEqual(migrations.map((m) => m.name));
    const tables = await withAdminClient(async () => {
      const { Client } = await import('pg');
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (
          await client.query<{ tablename: string }>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
          )
        ).rows.map((r) => r.tablename);
      } finally {
        await client.end();
      }
    });
    expect(tables).toEqual(
      expect.arrayContaining(['instances', 'operations', 'events', 'users', 'tokens', 'buckets', 'migrations']),
    );
    expect(await runMigrations(url)).toEqual([]);
  });
});
