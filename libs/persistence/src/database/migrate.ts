import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { grantApplicationRole } from './application-role';
import { dataSourceOptions } from './data-source-options';

// Any constant will do; every process that migrates takes the same one.
const MIGRATION_LOCK_KEY = 7_420_391_118;

/** Creates the database named in the URL when it does not exist yet, so that a fresh machine needs no manual step. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Created by a concurrent process meanwhile: 42P04 once it is visible, 23505 while both inserts race.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations as the tables' owner (`migrationUrl`) under a PostgreSQL advisory lock, so that API and
 * workers starting together migrate once, then creates the application role of `applicationUrl` when missing and
 * grants it the data (not the schema). One connection holds the lock and does all of it.
 */
export async function runMigrations(migrationUrl: string, applicationUrl?: string): Promise<string[]> {
  await ensureDatabaseExists(migrationUrl);
  const dataSource = new DataSource(dataSourceOptions(migrationUrl, 1));
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applicationUrl) await grantApplicationRole(dataSource, applicationUrl);
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
