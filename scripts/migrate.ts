import 'reflect-metadata';

import { AppConfig } from '@app/infrastructure';
import { runMigrations } from '@app/persistence';

/** `npm run migrate`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  const applied = await runMigrations(config.migrationDatabaseUrl, config.databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
