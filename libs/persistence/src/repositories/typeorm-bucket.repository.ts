import {
  Bucket,
  BucketChanges,
  BucketFilter,
  BucketRepository,
  BucketVisibility,
  DomainError,
  ErrorCode,
  Id,
  NewBucket,
  PlannedEvent,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { type BucketRow, type InstanceRow, type OrgRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { type BucketWithLabels, SELECT_BUCKETS, toBucket } from './bucket.mapper';
import { isUniqueViolation } from './postgres-errors';

/** Buckets of one instance: every call runs in a transaction scoped to it, writes with the events the domain planned. */
@Injectable()
export class TypeOrmBucketRepository extends BucketRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  list(instanceId: Id, visibility: BucketVisibility, filter: BucketFilter): Promise<Bucket[]> {
    const where = ['b.instance_id = $1'];
    const params: unknown[] = [instanceId];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (!visibility.all) {
      // JS arrays become PostgreSQL text[] here, as ANY() and unnest() want
      params.push(
        visibility.orgIds,
        visibility.buckets.map((v) => v.id),
        visibility.buckets.map((v) => v.orgId),
      );
      const [orgs, ids, idOrgs] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
      // a named bucket counts only while it is in the org its permission names
      where.push(`(b.org_id = ANY(${orgs}) OR EXISTS (SELECT 1 FROM unnest(${ids}::text[], ${idOrgs}::text[]) AS v(id, org_id)
                    WHERE v.id = b.id AND (v.org_id IS NULL OR v.org_id = b.org_id)))`);
    }
    if (filter.orgId !== undefined) add((n) => `b.org_id = ${n}`, filter.orgId);
    if (filter.name !== undefined) add((n) => `b.name = ${n}`, filter.name);
    if (filter.id !== undefined) add((n) => `b.id = ${n}`, filter.id);
    if (filter.after !== undefined) add((n) => (filter.descending ? `b.id < ${n}` : `b.id > ${n}`), filter.after);
    params.push(filter.limit, filter.offset);
    return this.db.withInstance(instanceId, async (tx) => {
      // Prepared: InfluxDB clients list buckets on every write path; the filters make a few dozen texts at most.
      const rows = await tx.preparedRows<BucketWithLabels>(
        `${SELECT_BUCKETS} WHERE ${where.join(' AND ')} ORDER BY b.id ${filter.descending ? 'DESC' : 'ASC'}
         LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return rows.map(toBucket);
    });
  }

  find(instanceId: Id, bucketId: Id): Promise<Bucket | null> {
    return this.db.withInstance(instanceId, (tx) => findBucket(tx, instanceId, bucketId));
  }

  orgIdByName(instanceId: Id, orgName: string): Promise<Id | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const org = await tx.first<Pick<OrgRow, 'id'>>('SELECT id FROM orgs WHERE instance_id = $1 AND name = $2', [
        instanceId,
        orgName,
      ]);
      return org?.id ?? null;
    });
  }

  orgExists(instanceId: Id, orgId: Id): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) =>
      Boolean(await tx.first('SELECT 1 FROM orgs WHERE instance_id = $1 AND id = $2', [instanceId, orgId])),
    );
  }

  async create(instanceId: Id, b: NewBucket, event: PlannedEvent, at: Date): Promise<Bucket> {
    try {
      return await this.db.withInstance(instanceId, async (tx) => {
        // The instance row lock makes count-then-insert safe against concurrent creates.
        const instance = await tx.first<Pick<InstanceRow, 'max_buckets'>>(
          'SELECT max_buckets FROM instances WHERE id = $1 FOR UPDATE',
          [instanceId],
        );
        if (instance && instance.max_buckets !== null) {
          const counted = await tx.first<{ count: number }>(
            `SELECT count(*)::int AS count FROM buckets WHERE instance_id = $1 AND type = 'user'`,
            [instanceId],
          );
          if ((counted?.count ?? 0) >= instance.max_buckets)
            throw new DomainError(ErrorCode.PermissionDenied, 'bucket quota exceeded');
        }
        const row: BucketRow = {
          instance_id: instanceId,
          id: b.id,
          org_id: b.orgId,
          name: b.name,
          description: b.description,
          type: 'user',
          retention_seconds: String(b.retentionSeconds),
          shard_group_duration_seconds: String(b.shardGroupDurationSeconds),
          schema_type: b.schemaType,
          rp: b.rp,
          created_at: at,
          updated_at: at,
        };
        await tx.insert('buckets', row);
        if (b.ownerId) {
          await tx.insert('bucket_members', {
            instance_id: instanceId,
            bucket_id: b.id,
            user_id: b.ownerId,
            role: 'owner',
            created_at: at,
          });
        }
        await tx.appendEvents(instanceId, [event], at);
        // a new bucket has no labels yet
        return toBucket({ ...row, labels: null });
      });
    } catch (error) {
      // the transaction is over (rolled back) by now: only the answer changes
      if (isUniqueViolation(error, 'buckets_name_key'))
        throw new DomainError(ErrorCode.Conflict, `bucket with name ${b.name} already exists`);
      throw error;
    }
  }

  async update(
    instanceId: Id,
    bucketId: Id,
    changes: BucketChanges,
    event: PlannedEvent,
    at: Date,
  ): Promise<Bucket | null> {
    try {
      return await this.db.withInstance(instanceId, async (tx) => {
        const changed = await tx.execute(
          `UPDATE buckets SET name = COALESCE($3, name), description = COALESCE($4, description),
                  retention_seconds = COALESCE($5::bigint, retention_seconds),
                  shard_group_duration_seconds = COALESCE($6::bigint, shard_group_duration_seconds), updated_at = $7
            WHERE instance_id = $1 AND id = $2`,
          [
            instanceId,
            bucketId,
            changes.name ?? null,
            changes.description ?? null,
            changes.retentionSeconds ?? null,
            changes.shardGroupDurationSeconds ?? null,
            at,
          ],
        );
        if (changed === 0) return null;
        await tx.appendEvents(instanceId, [event], at);
        return findBucket(tx, instanceId, bucketId);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'buckets_name_key'))
        throw new DomainError(ErrorCode.Conflict, `bucket with name ${changes.name} already exists`);
      throw error;
    }
  }

  delete(instanceId: Id, bucketId: Id, event: PlannedEvent, at: Date): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      // bucket_labels and bucket_members go with it (ON DELETE CASCADE)
      const removed = await tx.execute('DELETE FROM buckets WHERE instance_id = $1 AND id = $2', [
        instanceId,
        bucketId,
      ]);
      if (removed === 0) return false;
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }
}

async function findBucket(tx: SqlTransaction, instanceId: Id, bucketId: Id): Promise<Bucket | null> {
  const row = await tx.first<BucketWithLabels>(`${SELECT_BUCKETS} WHERE b.instance_id = $1 AND b.id = $2`, [
    instanceId,
    bucketId,
  ]);
  return row ? toBucket(row) : null;
}
