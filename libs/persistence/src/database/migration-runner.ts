import { Injectable, Logger, OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { runMigrations } from './migrate';

/** Runs pending migrations when a process starts (before any processor or route), safely when several start at once. */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): Promise<void> {
    return this.migrate();
  }

  async migrate(): Promise<void> {
    const applied = await runMigrations(this.config.databaseUrl);
    if (applied.length > 0) this.logger.log(`migrations applied (${applied.length}): ${applied.join(', ')}`);
    else this.logger.debug('database schema up to date');
  }
}
