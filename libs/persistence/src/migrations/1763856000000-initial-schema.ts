import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Every tenant table's primary and unique keys start with instance_id, so that each can be distributed by instance.
 * Instance domains and token digests are unique across the service.
 */
export class InitialSchema1763856000000 implements MigrationInterface {
  name = 'InitialSchema1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE instances (
        id varchar(16) PRIMARY KEY,
        name text NOT NULL,
        state text NOT NULL,
        default_language text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- _search by creation date, newest first
      CREATE INDEX instances_created_at_idx ON instances (created_at DESC, id);

      CREATE TABLE instance_domains (
        instance_id varchar(16) NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        domain text NOT NULL,
        is_generated boolean NOT NULL,
        is_primary boolean NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, domain)
      );
      -- routing by Host, and "a domain belongs to one instance"
      CREATE UNIQUE INDEX instance_domains_domain_key ON instance_domains (domain);

      CREATE TABLE operations (
        id varchar(16) PRIMARY KEY,
        instance_id varchar(16) NOT NULL,
        kind text NOT NULL,
        state text NOT NULL,
        created_by text NOT NULL,
        request jsonb NOT NULL,
        sealed_input text,
        current_step text,
        completed_steps int NOT NULL DEFAULT 0,
        total_steps int NOT NULL DEFAULT 0,
        attempts int NOT NULL DEFAULT 0,
        outcome jsonb,
        sealed_secrets text,
        secrets_expire_at timestamptz,
        failure jsonb,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL
      );
      -- listing an instance's operations
      CREATE INDEX operations_instance_idx ON operations (instance_id, created_at DESC);
      -- erasing expired secrets
      CREATE INDEX operations_secrets_expire_idx ON operations (secrets_expire_at) WHERE sealed_secrets IS NOT NULL;

      CREATE TABLE events (
        sequence bigserial PRIMARY KEY,
        instance_id varchar(16) NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id varchar(16) NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        resource_owner varchar(16) NOT NULL,
        created_at timestamptz NOT NULL
      );
      -- details{sequence, creationDate, changeDate} of one aggregate
      CREATE INDEX events_aggregate_idx ON events (instance_id, aggregate_type, aggregate_id, sequence);

      CREATE TABLE orgs (
        instance_id varchar(16) NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id varchar(16) NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, id)
      );
      -- org names are unique within an instance
      CREATE UNIQUE INDEX orgs_name_key ON orgs (instance_id, name);

      CREATE TABLE users (
        instance_id varchar(16) NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        id varchar(16) NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        display_name text NOT NULL,
        email text,
        email_verified boolean NOT NULL DEFAULT false,
        first_name text NOT NULL DEFAULT '',
        last_name text NOT NULL DEFAULT '',
        preferred_language text NOT NULL,
        password_hash text,
        password_change_required boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, id)
      );
      -- user names are unique within an instance, whatever their case
      CREATE UNIQUE INDEX users_name_key ON users (instance_id, lower(name));

      CREATE TABLE org_members (
        instance_id varchar(16) NOT NULL,
        org_id varchar(16) NOT NULL,
        user_id varchar(16) NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, org_id, user_id),
        FOREIGN KEY (instance_id, org_id) REFERENCES orgs(instance_id, id) ON DELETE CASCADE,
        FOREIGN KEY (instance_id, user_id) REFERENCES users(instance_id, id) ON DELETE CASCADE
      );

      CREATE TABLE instance_members (
        instance_id varchar(16) NOT NULL,
        user_id varchar(16) NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, user_id),
        FOREIGN KEY (instance_id, user_id) REFERENCES users(instance_id, id) ON DELETE CASCADE
      );

      CREATE TABLE tokens (
        instance_id varchar(16) NOT NULL,
        id varchar(16) NOT NULL,
        user_id varchar(16) NOT NULL,
        org_id varchar(16),
        kind text NOT NULL,
        digest text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL,
        permissions jsonb NOT NULL,
        expires_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, id),
        FOREIGN KEY (instance_id, user_id) REFERENCES users(instance_id, id) ON DELETE CASCADE
      );
      -- authenticating a request by its token
      CREATE UNIQUE INDEX tokens_digest_key ON tokens (digest);

      CREATE TABLE machine_keys (
        instance_id varchar(16) NOT NULL,
        id varchar(16) NOT NULL,
        user_id varchar(16) NOT NULL,
        type text NOT NULL,
        public_key_pem text NOT NULL,
        expires_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, id),
        FOREIGN KEY (instance_id, user_id) REFERENCES users(instance_id, id) ON DELETE CASCADE
      );

      CREATE TABLE buckets (
        instance_id varchar(16) NOT NULL,
        id varchar(16) NOT NULL,
        org_id varchar(16) NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        type text NOT NULL,
        retention_seconds bigint NOT NULL,
        shard_group_duration_seconds bigint NOT NULL,
        schema_type text NOT NULL DEFAULT 'implicit',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, id),
        FOREIGN KEY (instance_id, org_id) REFERENCES orgs(instance_id, id) ON DELETE CASCADE
      );
      -- bucket names are unique within an org
      CREATE UNIQUE INDEX buckets_name_key ON buckets (instance_id, org_id, name);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE buckets; DROP TABLE machine_keys; DROP TABLE tokens; DROP TABLE instance_members;
      DROP TABLE org_members; DROP TABLE users; DROP TABLE orgs; DROP TABLE events; DROP TABLE operations;
      DROP TABLE instance_domains; DROP TABLE instances;
    `);
  }
}
