import {
  Bucket,
  BucketChanges,
  BucketFilter,
  BucketLabel,
  BucketRepository,
  BucketVisibility,
  DomainError,
  ErrorCode,
  Id,
  NewBucket,
  SchemaType,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { BucketEntity, EventEntity, OrgEntity } from '../entities';
import { isUniqueViolation } from './postgres-errors';

interface BucketRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  type: 'user' | 'system';
  retention_seconds: string;
  shard_group_duration_seconds: string;
  schema_type: SchemaType;
  rp: string;
  created_at: Date;
  updated_at: Date;
  labels: BucketLabel[] | null;
}

const SELECT_BUCKETS = `
  SELECT b.id, b.org_id, b.name, b.description, b.type, b.retention_seconds, b.shard_group_duration_seconds, b.schema_type, b.rp,
         b.created_at, b.updated_at,
         (SELECT json_agg(json_build_object('id', l.id, 'orgId', l.org_id, 'name', l.name, 'properties', l.properties) ORDER BY l.name)
            FROM bucket_labels bl JOIN labels l ON l.instance_id = bl.instance_id AND l.id = bl.label_id
           WHERE bl.instance_id = b.instance_id AND bl.bucket_id = b.id) AS labels
    FROM buckets b`;

function toBucket(row: BucketRow): Bucket {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    description: row.description,
    type: row.type,
    retentionSeconds: Number(row.retention_seconds),
    shardGroupDurationSeconds: Number(row.shard_group_duration_seconds),
    schemaType: row.schema_type,
    rp: row.rp,
    labels: row.labels ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

@Injectable()
export class TypeOrmBucketRepository extends BucketRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(instanceId: Id, visibility: BucketVisibility, filter: BucketFilter): Promise<Bucket[]> {
    const where = ['b.instance_id = $1'];
    const params: unknown[] = [instanceId];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (!visibility.all) {
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
    const rows = (await this.db.query(
      `${SELECT_BUCKETS} WHERE ${where.join(' AND ')} ORDER BY b.id ${filter.descending ? 'DESC' : 'ASC'}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as BucketRow[];
    return rows.map(toBucket);
  }

  find(instanceId: Id, bucketId: Id): Promise<Bucket | null> {
    return this.findWith(this.db.manager, instanceId, bucketId);
  }

  async orgIdByName(instanceId: Id, orgName: string): Promise<Id | null> {
    const org = await this.db.getRepository(OrgEntity).findOneBy({ instanceId, name: orgName });
    return org?.id ?? null;
  }

  async orgExists(instanceId: Id, orgId: Id): Promise<boolean> {
    return this.db.getRepository(OrgEntity).existsBy({ instanceId, id: orgId });
  }

  async create(instanceId: Id, b: NewBucket, at: Date): Promise<Bucket> {
    try {
      return await this.db.transaction(async (tx) => {
        // The instance row lock makes count-then-insert safe against concurrent creates.
        const [instance] = (await tx.query('SELECT max_buckets FROM instances WHERE id = $1 FOR UPDATE', [
          instanceId,
        ])) as { max_buckets: number | null }[];
        if (instance?.max_buckets !== null && instance?.max_buckets !== undefined) {
          const [{ count }] = (await tx.query(
            `SELECT count(*)::int AS count FROM buckets WHERE instance_id = $1 AND type = 'user'`,
            [instanceId],
          )) as { count: number }[];
          if (count >= instance.max_buckets) throw new DomainError(ErrorCode.PermissionDenied, 'bucket quota exceeded');
        }
        await tx.insert(BucketEntity, {
          instanceId,
          id: b.id,
          orgId: b.orgId,
          name: b.name,
          description: b.description,
          type: 'user',
          retentionSeconds: String(b.retentionSeconds),
          shardGroupDurationSeconds: String(b.shardGroupDurationSeconds),
          schemaType: b.schemaType,
          rp: b.rp,
          createdAt: at,
          updatedAt: at,
        });
        if (b.ownerId) {
          await tx.query(
            `INSERT INTO bucket_members (instance_id, bucket_id, user_id, role, created_at) VALUES ($1, $2, $3, 'owner', $4)`,
            [instanceId, b.id, b.ownerId, at],
          );
        }
        await this.event(
          tx,
          instanceId,
          b.id,
          b.orgId,
          'bucket.added',
          { name: b.name, retentionSeconds: b.retentionSeconds },
          at,
        );
        return (await this.findWith(tx, instanceId, b.id))!;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'buckets_name_key'))
        throw new DomainError(ErrorCode.Conflict, `bucket with name ${b.name} already exists`);
      throw error;
    }
  }

  async update(instanceId: Id, bucketId: Id, changes: BucketChanges, at: Date): Promise<Bucket> {
    try {
      return await this.db.transaction(async (tx) => {
        const set: Partial<BucketEntity> = { updatedAt: at };
        if (changes.name !== undefined) set.name = changes.name;
        if (changes.description !== undefined) set.description = changes.description;
        if (changes.retentionSeconds !== undefined) set.retentionSeconds = String(changes.retentionSeconds);
        if (changes.shardGroupDurationSeconds !== undefined)
          set.shardGroupDurationSeconds = String(changes.shardGroupDurationSeconds);
        await tx.update(BucketEntity, { instanceId, id: bucketId }, set);
        const bucket = (await this.findWith(tx, instanceId, bucketId))!;
        await this.event(tx, instanceId, bucketId, bucket.orgId, 'bucket.changed', { ...changes }, at);
        return bucket;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'buckets_name_key'))
        throw new DomainError(ErrorCode.Conflict, `bucket with name ${changes.name} already exists`);
      throw error;
    }
  }

  async delete(instanceId: Id, bucketId: Id, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const bucket = await tx.findOneBy(BucketEntity, { instanceId, id: bucketId });
      if (!bucket) return;
      // bucket_labels and bucket_members go with it (ON DELETE CASCADE)
      await tx.delete(BucketEntity, { instanceId, id: bucketId });
      await this.event(tx, instanceId, bucketId, bucket.orgId, 'bucket.removed', {}, at);
    });
  }

  private async findWith(manager: EntityManager, instanceId: Id, bucketId: Id): Promise<Bucket | null> {
    const [row] = (await manager.query(`${SELECT_BUCKETS} WHERE b.instance_id = $1 AND b.id = $2`, [
      instanceId,
      bucketId,
    ])) as BucketRow[];
    return row ? toBucket(row) : null;
  }

  private async event(
    tx: EntityManager,
    instanceId: Id,
    bucketId: Id,
    orgId: Id,
    type: string,
    payload: object,
    at: Date,
  ): Promise<void> {
    await tx.insert(EventEntity, {
      instanceId,
      aggregateType: 'bucket',
      aggregateId: bucketId,
      eventType: type,
      payload,
      resourceOwner: orgId,
      createdAt: at,
    });
  }
}
