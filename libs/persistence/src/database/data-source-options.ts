import { type DataSourceOptions } from 'typeorm';

import { migrations } from '../migrations';
import { SYSTEM_SCOPE_SETTING } from './scoped-transaction';

/** The name of the pool whose connections are in the system scope from the start (see systemScopeDataSourceOptions). */
export const SYSTEM_SCOPE_CONNECTION = 'system-scope';

export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // No entities: repositories read and write through SqlTransaction with the row types of tables.ts.
    entities: [],
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize },
  };
}

/**
 * The pool of SystemDatabase: each connection carries the system scope from its start (a `-c` option of the
 * connection, as `SET` would), so a single cross-instance statement needs no transaction around it to set the
 * scope: one round trip instead of three (BEGIN and the setting, the statement, COMMIT). Only SystemDatabase holds
 * this pool; every other connection starts with no scope and sees no tenant row.
 */
export function systemScopeDataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  const options = dataSourceOptions(databaseUrl, poolSize);
  return {
    ...options,
    name: SYSTEM_SCOPE_CONNECTION,
    extra: { ...options.extra, options: `-c ${SYSTEM_SCOPE_SETTING}=on` },
  };
}
