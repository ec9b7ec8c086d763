import { BullMqProvisioningQueue } from '@app/infrastructure';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type DatabaseRole, DatabaseRoleCheck } from '../database/database-role';

const DATABASE_TIMEOUT_MS = 2000;

/** What /readyz asks of the database and Redis, so that the HTTP layer needs neither TypeORM nor ioredis. */
@Injectable()
export class ServiceReadiness {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: BullMqProvisioningQueue,
    private readonly role: DatabaseRoleCheck,
  ) {}

  /** The PostgreSQL role the service runs as, for /readyz. */
  databaseRole(): Promise<DatabaseRole> {
    return this.role.current();
  }

  /** PostgreSQL answers a trivial query within two seconds. */
  async databaseAnswers(): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS).unref());
    const ping = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    return Promise.race([ping, timeout]);
  }

  async redisAnswers(): Promise<boolean> {
    return this.queue.connection.ping().then(
      () => true,
      () => false,
    );
  }

  /** True while a migration of this build has not been applied. */
  migrationsPending(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }
}
