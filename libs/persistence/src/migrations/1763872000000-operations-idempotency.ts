import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OperationsIdempotency1763872000000 implements MigrationInterface {
  name = 'OperationsIdempotency1763872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- a running operation asked to stop rolls back at its commit point
      ALTER TABLE operations ADD COLUMN cancel_requested_at timestamptz;
      -- GET /system/v1/operations: newest first, keyset paging
      CREATE INDEX operations_created_idx ON operations (created_at DESC, id DESC);
      -- pruning operations after 30 days
      CREATE INDEX operations_finished_idx ON operations (finished_at) WHERE finished_at IS NOT NULL;

      -- Idempotency-Key of the System API: one answer per caller and key for 24 hours
      CREATE TABLE idempotency_keys (
        caller_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        headers jsonb,
        -- the answer, sealed (it may hold secrets); erased after SECRET_RETENTION_SECONDS, leaving the redacted copy
        sealed_body text,
        redacted_body jsonb,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        PRIMARY KEY (caller_id, key)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_keys; DROP INDEX operations_finished_idx; DROP INDEX operations_created_idx;
      ALTER TABLE operations DROP COLUMN cancel_requested_at;
    `);
  }
}
