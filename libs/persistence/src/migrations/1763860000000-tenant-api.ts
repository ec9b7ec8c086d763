import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class TenantApi1763860000000 implements MigrationInterface {
  name = 'TenantApi1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- the default instance serves BASE_DOMAIN; there is at most one
      ALTER TABLE instances ADD COLUMN is_default boolean NOT NULL DEFAULT false;
      CREATE UNIQUE INDEX instances_one_default ON instances (is_default) WHERE is_default;

      -- onboarding an instance happens once: a second setup conflicts while the first is pending, running or done
      CREATE UNIQUE INDEX operations_one_setup_per_instance ON operations (instance_id)
        WHERE kind = 'SETUP_INSTANCE' AND state <> 'FAILED';

      -- listing an instance's authorizations and sessions by user or org
      CREATE INDEX tokens_user_idx ON tokens (instance_id, user_id, kind);
      CREATE INDEX tokens_org_idx ON tokens (instance_id, org_id, kind);
      -- "which orgs does this user belong to" for session permissions and /orgs filters
      CREATE INDEX org_members_user_idx ON org_members (instance_id, user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX org_members_user_idx; DROP INDEX tokens_org_idx; DROP INDEX tokens_user_idx;
      DROP INDEX operations_one_setup_per_instance; DROP INDEX instances_one_default;
      ALTER TABLE instances DROP COLUMN is_default;
    `);
  }
}
