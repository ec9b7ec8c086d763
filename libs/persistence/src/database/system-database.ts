import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { runInScope, SYSTEM_SCOPE_SETTING } from './scoped-transaction';
import { type SqlTransaction } from './sql-transaction';

/**
 * Cross-instance work: the System API's instance search and lookups, routing a request by its Host or its token
 * digest, operations, the secret sweep, the outbox relay and webhooks, idempotency keys. Its transactions see
 * every instance's rows, so only the adapters listed in README's security section may use it; an architecture
 * test (test/database/system-scope.spec.ts) keeps that list honest.
 */
@Injectable()
export class SystemDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return runInScope(this.dataSource, SYSTEM_SCOPE_SETTING, 'on', work);
  }
}
