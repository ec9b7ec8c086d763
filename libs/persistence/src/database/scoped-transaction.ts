import { escapeLiteral, type PoolClient } from 'pg';
import { type DataSource } from 'typeorm';

import { SqlTransaction } from './sql-transaction';

/**
 * The settings row-level security reads (see the row-level-security migration). `SET LOCAL` semantics
 * (`set_config(…, true)`): they end with the transaction, so a pooled connection never carries one request's
 * scope into the next.
 */
export const INSTANCE_SCOPE_SETTING = 'app.instance_id';
export const SYSTEM_SCOPE_SETTING = 'app.system_scope';

/**
 * Opens a transaction, sets one scope setting and runs the work in it. BEGIN and the setting travel in one
 * round trip (a simple-protocol query may hold several statements), which is why the value is an escaped
 * literal rather than a parameter.
 */
export function runInScope<T>(
  dataSource: DataSource,
  setting: string,
  value: string,
  work: (tx: SqlTransaction) => Promise<T>,
): Promise<T> {
  return runTransaction(dataSource, `BEGIN; SELECT set_config('${setting}', ${escapeLiteral(value)}, true)`, work);
}

/** A transaction on a pool whose connections already carry their scope (the system-scope pool). */
export function runInTransaction<T>(dataSource: DataSource, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  return runTransaction(dataSource, 'BEGIN', work);
}

/** Opens a transaction with `begin`, runs the work, and commits or rolls back. */
async function runTransaction<T>(
  dataSource: DataSource,
  begin: string,
  work: (tx: SqlTransaction) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.query(begin);
    try {
      const tx = new SqlTransaction(runner, client);
      const result = await work(tx);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** Statements on one connection of such a pool, each committed on its own (no BEGIN, no COMMIT). */
export async function runStatements<T>(dataSource: DataSource, work: (sql: SqlTransaction) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    return await work(new SqlTransaction(runner, client));
  } finally {
    await runner.release();
  }
}
