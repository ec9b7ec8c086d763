import { type AppConfig } from '@app/infrastructure';
import { Logger } from '@nestjs/common';

import { runMigrations } from './migrate';

const logger = new Logger('MigrationRunner');

/**
 * Runs pending migrations as the owner and makes sure the application role exists, before the service's own
 * connection pool opens: on a fresh machine that role is only there once this has run. Safe when several
 * processes start at once (advisory lock).
 */
export async function migrateBeforeConnecting(config: AppConfig): Promise<void> {
  const applied = await runMigrations(config.migrationDatabaseUrl, config.databaseUrl);
  if (applied.length > 0) logger.log(`migrations applied (${applied.length}): ${applied.join(', ')}`);
  else logger.debug('database schema up to date');
}
