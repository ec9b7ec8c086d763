import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OperationRequesters1763876500000 implements MigrationInterface {
  name = 'OperationRequesters1763876500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- the tenant credential (token:<id> or session:<id>) that started a setup: it may read the operation back
      ALTER TABLE operations ADD COLUMN requested_by text;
      -- counting the unfinished work of one instance or one System API caller, under its advisory lock
      CREATE INDEX operations_pending_instance_idx ON operations (instance_id, kind) WHERE state IN ('PENDING', 'RUNNING');
      CREATE INDEX operations_pending_creator_idx ON operations (created_by, kind) WHERE state IN ('PENDING', 'RUNNING');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX operations_pending_creator_idx; DROP INDEX operations_pending_instance_idx;
      ALTER TABLE operations DROP COLUMN requested_by;
    `);
  }
}
