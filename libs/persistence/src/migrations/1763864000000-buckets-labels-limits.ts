import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class BucketsLabelsLimits1763864000000 implements MigrationInterface {
  name = 'BucketsLabelsLimits1763864000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- instance limits (System API) and the onboarding body's limit; NULL means unlimited
      ALTER TABLE instances ADD COLUMN max_buckets int, ADD COLUMN max_users int, ADD COLUMN max_orgs int,
                            ADD COLUMN blocked boolean NOT NULL DEFAULT false;

      ALTER TABLE buckets ADD COLUMN rp text NOT NULL DEFAULT '0';
      -- listing an org's buckets in id order (paging with offset/after)
      CREATE INDEX buckets_org_idx ON buckets (instance_id, org_id, id);

      CREATE TABLE labels (
        instance_id varchar(16) NOT NULL,
        id varchar(16) NOT NULL,
        org_id varchar(16) NOT NULL,
        name text NOT NULL,
        properties jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, id),
        FOREIGN KEY (instance_id, org_id) REFERENCES orgs(instance_id, id) ON DELETE CASCADE
      );
      -- label names are unique per org, whatever their case
      CREATE UNIQUE INDEX labels_name_key ON labels (instance_id, org_id, lower(name));

      CREATE TABLE bucket_labels (
        instance_id varchar(16) NOT NULL,
        bucket_id varchar(16) NOT NULL,
        label_id varchar(16) NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, bucket_id, label_id),
        FOREIGN KEY (instance_id, bucket_id) REFERENCES buckets(instance_id, id) ON DELETE CASCADE,
        FOREIGN KEY (instance_id, label_id) REFERENCES labels(instance_id, id) ON DELETE CASCADE
      );

      CREATE TABLE bucket_members (
        instance_id varchar(16) NOT NULL,
        bucket_id varchar(16) NOT NULL,
        user_id varchar(16) NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, bucket_id, user_id),
        FOREIGN KEY (instance_id, bucket_id) REFERENCES buckets(instance_id, id) ON DELETE CASCADE,
        FOREIGN KEY (instance_id, user_id) REFERENCES users(instance_id, id) ON DELETE CASCADE
      );
      -- session permissions of a user from its bucket roles
      CREATE INDEX bucket_members_user_idx ON bucket_members (instance_id, user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE bucket_members; DROP TABLE bucket_labels; DROP TABLE labels;
      DROP INDEX buckets_org_idx; ALTER TABLE buckets DROP COLUMN rp;
      ALTER TABLE instances DROP COLUMN max_buckets, DROP COLUMN max_users, DROP COLUMN max_orgs, DROP COLUMN blocked;
    `);
  }
}
