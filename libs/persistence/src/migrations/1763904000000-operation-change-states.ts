import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The operation_changed notification carries the state after the change (`<id> <state>`), so that a waiter for the
 * end of an operation can let progress changes pass without reading the row again (a `_wait` used to read it after
 * every step).
 */
export class OperationChangeStates1763904000000 implements MigrationInterface {
  name = 'OperationChangeStates1763904000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION notify_operation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('operation_changed', NEW.id::text || ' ' || NEW.state::text);
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION notify_operation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('operation_changed', NEW.id::text);
        RETURN NULL;
      END $$`);
  }
}
