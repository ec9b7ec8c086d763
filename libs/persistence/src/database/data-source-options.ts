import { type DataSourceOptions } from 'typeorm';

import { migrations } from '../migrations';

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
