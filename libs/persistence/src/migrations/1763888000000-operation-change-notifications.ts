import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OperationChangeNotifications1763888000000 implements MigrationInterface {
  name = 'OperationChangeNotifications1763888000000';

  // A trigger cannot be forgotten by a new UPDATE; NOTIFY in a transaction is delivered at its commit, so waiters
  // never read a change that is not yet visible.
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_operation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('operation_changed', NEW.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER operations_notify_changed AFTER UPDATE ON operations
      FOR EACH ROW EXECUTE FUNCTION notify_operation_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER operations_notify_changed ON operations`);
    await q.query(`DROP FUNCTION notify_operation_changed()`);
  }
}
