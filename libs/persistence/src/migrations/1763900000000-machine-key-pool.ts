import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Key pairs made ahead of need. Not tenant data (a pair belongs to no instance until the transaction that writes
 * an instance consumes it), hence no row-level security; the private key is sealed with SECRET_KEY.
 */
export class MachineKeyPool1763900000000 implements MigrationInterface {
  name = 'MachineKeyPool1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE machine_key_pool (
        id varchar(16) PRIMARY KEY,
        public_key_pem text NOT NULL,
        sealed_private_key text NOT NULL,
        claimed_by varchar(16),
        claimed_at timestamptz,
        created_at timestamptz NOT NULL
      );
      -- a retried job finds its own claim
      CREATE UNIQUE INDEX machine_key_pool_claimed_by_key ON machine_key_pool (claimed_by) WHERE claimed_by IS NOT NULL;
      -- the oldest free pair first
      CREATE INDEX machine_key_pool_free_idx ON machine_key_pool (created_at) WHERE claimed_by IS NULL;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE machine_key_pool');
  }
}
