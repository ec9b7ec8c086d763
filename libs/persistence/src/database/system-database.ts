import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { SYSTEM_SCOPE_CONNECTION } from './data-source-options';
import { runInTransaction, runStatements } from './scoped-transaction';
import { type SqlTransaction } from './sql-transaction';

/**
 * Cross-instance work: the System API's instance search and lookups, routing a request by its Host or its token
 * digest, operations, the secret sweep, the outbox relay and webhooks, idempotency keys. Its transactions see
 * every instance's rows, so only the adapters listed in README's security section may use it; an architecture
 * test (test/database/system-scope.spec.ts) keeps that list honest.
 *
 * Its pool is not the tenant repositories' one: its connections carry the system scope from their start (see
 * systemScopeDataSourceOptions), so that `statement()` needs no transaction to set it.
 */
@Injectable()
export class SystemDatabase {
  constructor(@InjectDataSource(SYSTEM_SCOPE_CONNECTION) private readonly dataSource: DataSource) {}

  /** Work that must be atomic, in one transaction. */
  run<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, work);
  }

  /**
   * One statement (or several that need not be atomic), each committed on its own: one round trip per statement,
   * where `run()` adds BEGIN and COMMIT.
   */
  statement<T>(work: (sql: SqlTransaction) => Promise<T>): Promise<T> {
    return runStatements(this.dataSource, work);
  }
}
