import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { escapeLiteral } from 'pg';
import { DataSource } from 'typeorm';

import {
  dataSourceOptions,
  systemScopeDataSourceOptions,
} from '../../libs/persistence/src/database/data-source-options';
import { SystemDatabase } from '../../libs/persistence/src/database/system-database';
import { TenantDatabase } from '../../libs/persistence/src/database/tenant-database';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A short random id in the format the service uses (varchar(16)). */
export function newId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * The repository test level: a database of its own, a connection pool as the application role (bound by
 * row-level security, as API and worker are), the two scopes repositories are built on, and the owner's
 * connection (`owner`) for seeding and for checking what is really stored.
 */
export class RepositoryHarness {
  db!: TestDatabase;
  dataSource!: DataSource;
  /** The system-scope pool (SystemDatabase's own). */
  systemDataSource!: DataSource;
  tenant!: TenantDatabase;
  system!: SystemDatabase;

  static async start(): Promise<RepositoryHarness> {
    const harness = new RepositoryHarness();
    harness.db = await createTestDatabase();
    harness.dataSource = new DataSource(dataSourceOptions(harness.db.applicationUrl, 4));
    await harness.dataSource.initialize();
    harness.tenant = new TenantDatabase(harness.dataSource);
    harness.systemDataSource = new DataSource(systemScopeDataSourceOptions(harness.db.applicationUrl, 4));
    await harness.systemDataSource.initialize();
    harness.system = new SystemDatabase(harness.systemDataSource);
    return harness;
  }

  /** SQL as the owner (superuser): row-level security does not apply. */
  owner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.db.query<T>(sql, params);
  }

  /**
   * One instance with a row in every tenant table, written as the owner; answers the ids. Realistic enough for
   * isolation tests, not a substitute for provisioning.
   */
  async seedInstance(instanceId = newId()): Promise<SeededInstance> {
    const ids = {
      instanceId,
      orgId: newId(),
      userId: newId(),
      tokenId: newId(),
      bucketId: newId(),
      labelId: newId(),
      operationId: newId(),
    };
    const { orgId, userId, tokenId, bucketId, labelId, operationId } = ids;
    const domain = `${instanceId}.seed.localhost`;
    const values = [instanceId, orgId, userId, tokenId, bucketId, labelId, operationId, domain].map(escapeLiteral);
    // One multi-statement query (simple protocol, hence literals): a seeded instance is all there or not at all.
    const sql = `
      INSERT INTO instances (id, name, state, default_language, created_at, updated_at)
        VALUES ($1, 'seed ' || $1, 'STATE_RUNNING', 'en', now(), now());
      INSERT INTO instance_domains (instance_id, domain, is_generated, is_primary, created_at) VALUES ($1, $8, true, true, now());
      INSERT INTO orgs (instance_id, id, name, created_at, updated_at) VALUES ($1, $2, 'org ' || $2, now(), now());
      INSERT INTO users (instance_id, id, kind, name, display_name, preferred_language, status, created_at, updated_at)
        VALUES ($1, $3, 'human', 'user-' || $3, 'User', 'en', 'active', now(), now());
      INSERT INTO org_members (instance_id, org_id, user_id, role, created_at) VALUES ($1, $2, $3, 'owner', now());
      INSERT INTO instance_members (instance_id, user_id, role, created_at) VALUES ($1, $3, 'owner', now());
      INSERT INTO tokens (instance_id, id, user_id, org_id, kind, digest, status, permissions, created_at, updated_at)
        VALUES ($1, $4, $3, $2, 'pat', 'digest-' || $4, 'active', '[]', now(), now());
      INSERT INTO machine_keys (instance_id, id, user_id, type, public_key_pem, created_at)
        VALUES ($1, $4, $3, 'KEY_TYPE_JSON', 'pem', now());
      INSERT INTO buckets (instance_id, id, org_id, name, type, retention_seconds, shard_group_duration_seconds, created_at, updated_at)
        VALUES ($1, $5, $2, 'bucket-' || $5, 'user', 0, 604800, now(), now());
      INSERT INTO labels (instance_id, id, org_id, name, created_at, updated_at) VALUES ($1, $6, $2, 'label-' || $6, now(), now());
      INSERT INTO bucket_labels (instance_id, bucket_id, label_id, created_at) VALUES ($1, $5, $6, now());
      INSERT INTO bucket_members (instance_id, bucket_id, user_id, role, created_at) VALUES ($1, $5, $3, 'owner', now());
      INSERT INTO operations (id, instance_id, kind, state, created_by, request, created_at, updated_at)
        VALUES ($7, $1, 'CREATE_INSTANCE', 'SUCCEEDED', 'seed', '{}', now(), now());
      INSERT INTO events (instance_id, aggregate_type, aggregate_id, event_type, payload, resource_owner, created_at)
        VALUES ($1, 'instance', $1, 'instance.added', '{}', $1, now());
      INSERT INTO outbox_events (id, type, instance_id, payload, created_at) VALUES ($7, 'instance.created', $1, '{}', now());
      INSERT INTO instance_quotas (instance_id, unit, id, from_at, reset_interval_ms, amount, is_limit, created_at, updated_at)
        VALUES ($1, 'UNIT_REQUESTS_ALL_AUTHENTICATED', $7, now(), 3600000, 100, true, now(), now());`;
    await this.owner(`BEGIN; ${sql.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1])} COMMIT;`);
    return { ...ids, domain };
  }

  async stop(): Promise<void> {
    await this.dataSource?.destroy();
    await this.systemDataSource?.destroy();
    await this.db?.drop();
  }
}

export interface SeededInstance {
  instanceId: string;
  orgId: string;
  userId: string;
  tokenId: string;
  bucketId: string;
  labelId: string;
  operationId: string;
  domain: string;
}
