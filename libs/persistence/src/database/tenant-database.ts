import { type Id } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { INSTANCE_SCOPE_SETTING, runInScope } from './scoped-transaction';
import { type SqlTransaction } from './sql-transaction';

/**
 * The only door tenant repositories have to PostgreSQL. Every read and write runs in a transaction scoped to
 * one instance; row-level security then hides and protects every other instance's rows, whatever the SQL
 * says, so a forgotten `instance_id` filter returns nothing rather than another tenant's data.
 */
@Injectable()
export class TenantDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  withInstance<T>(instanceId: Id, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return runInScope(this.dataSource, INSTANCE_SCOPE_SETTING, instanceId, work);
  }
}
