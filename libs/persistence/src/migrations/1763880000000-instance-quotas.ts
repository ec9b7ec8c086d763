import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** ZITADEL's instance quotas (AddQuota/SetQuota/RemoveQuota); usage is counted in Redis, not here. */
export class InstanceQuotas1763880000000 implements MigrationInterface {
  name = 'InstanceQuotas1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE instance_quotas (
        instance_id varchar(16) NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        unit text NOT NULL,
        -- the quota's aggregate id (its events and details)
        id varchar(16) NOT NULL UNIQUE,
        from_at timestamptz NOT NULL,
        reset_interval_ms bigint NOT NULL CHECK (reset_interval_ms >= 60000),
        amount bigint NOT NULL CHECK (amount > 0),
        is_limit boolean NOT NULL,
        -- [{id, percent, repeat, callUrl}]
        notifications jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, unit)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE instance_quotas');
  }
}
