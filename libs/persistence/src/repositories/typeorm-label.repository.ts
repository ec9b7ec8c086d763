import { DomainError, ErrorCode, Id, Label, LabelRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { EventEntity } from '../entities';
import { isUniqueViolation } from './postgres-errors';

interface LabelRow {
  id: string;
  org_id: string;
  name: string;
  properties: Record<string, string>;
}

const toLabel = (r: LabelRow): Label => ({ id: r.id, orgId: r.org_id, name: r.name, properties: r.properties });

@Injectable()
export class TypeOrmLabelRepository extends LabelRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]> {
    const rows = (await this.db.query(
      `SELECT id, org_id, name, properties FROM labels
        WHERE instance_id = $1 AND ($2::boolean OR org_id = ANY($3)) AND ($4::text IS NULL OR org_id = $4) AND ($5::text IS NULL OR name = $5)
        ORDER BY lower(name), id`,
      [instanceId, orgIds === 'all', orgIds === 'all' ? [] : orgIds, filter.orgId ?? null, filter.name ?? null],
    )) as LabelRow[];
    return rows.map(toLabel);
  }

  find(instanceId: Id, labelId: Id): Promise<Label | null> {
    return this.findWith(this.db.manager, instanceId, labelId);
  }

  async create(instanceId: Id, label: Label, at: Date): Promise<Label> {
    return this.unique(label.name, () =>
      this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO labels (instance_id, id, org_id, name, properties, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
          [instanceId, label.id, label.orgId, label.name, JSON.stringify(label.properties), at],
        );
        await this.event(tx, instanceId, label.id, label.orgId, 'label.added', { name: label.name }, at);
        return label;
      }),
    );
  }

  async update(
    instanceId: Id,
    labelId: Id,
    changes: { name?: string; properties?: Record<string, string> },
    at: Date,
  ): Promise<Label> {
    return this.unique(changes.name ?? '', () =>
      this.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE labels SET name = COALESCE($3, name), properties = COALESCE($4::jsonb, properties), updated_at = $5
            WHERE instance_id = $1 AND id = $2`,
          [
            instanceId,
            labelId,
            changes.name ?? null,
            changes.properties ? JSON.stringify(changes.properties) : null,
            at,
          ],
        );
        const label = (await this.findWith(tx, instanceId, labelId))!;
        await this.event(tx, instanceId, labelId, label.orgId, 'label.changed', { name: label.name }, at);
        return label;
      }),
    );
  }

  async delete(instanceId: Id, labelId: Id, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const label = await this.findWith(tx, instanceId, labelId);
      if (!label) return;
      // its bucket mappings go with it (ON DELETE CASCADE)
      await tx.query('DELETE FROM labels WHERE instance_id = $1 AND id = $2', [instanceId, labelId]);
      await this.event(tx, instanceId, labelId, label.orgId, 'label.removed', {}, at);
    });
  }

  async listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]> {
    const rows = (await this.db.query(
      `SELECT l.id, l.org_id, l.name, l.properties FROM bucket_labels bl JOIN labels l ON l.instance_id = bl.instance_id AND l.id = bl.label_id
        WHERE bl.instance_id = $1 AND bl.bucket_id = $2 ORDER BY lower(l.name), l.id`,
      [instanceId, bucketId],
    )) as LabelRow[];
    return rows.map(toLabel);
  }

  async addToBucket(instanceId: Id, bucketId: Id, labelId: Id, at: Date): Promise<void> {
    const inserted = (await this.db.query(
      `INSERT INTO bucket_labels (instance_id, bucket_id, label_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING label_id`,
      [instanceId, bucketId, labelId, at],
    )) as unknown[];
    if (inserted.length === 0) throw new DomainError(ErrorCode.Conflict, 'label is already on this bucket');
  }

  async removeFromBucket(instanceId: Id, bucketId: Id, labelId: Id): Promise<boolean> {
    const [, affected] = (await this.db.query(
      'DELETE FROM bucket_labels WHERE instance_id = $1 AND bucket_id = $2 AND label_id = $3',
      [instanceId, bucketId, labelId],
    )) as [unknown, number];
    return affected > 0;
  }

  private async findWith(manager: EntityManager, instanceId: Id, labelId: Id): Promise<Label | null> {
    const [row] = (await manager.query(
      'SELECT id, org_id, name, properties FROM labels WHERE instance_id = $1 AND id = $2',
      [instanceId, labelId],
    )) as LabelRow[];
    return row ? toLabel(row) : null;
  }

  private async unique<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'labels_name_key'))
        throw new DomainError(ErrorCode.Conflict, `label with name ${name} already exists`);
      throw error;
    }
  }

  private async event(
    tx: EntityManager,
    instanceId: Id,
    labelId: Id,
    orgId: Id,
    type: string,
    payload: object,
    at: Date,
  ): Promise<void> {
    await tx.insert(EventEntity, {
      instanceId,
      aggregateType: 'label',
      aggregateId: labelId,
      eventType: type,
      payload,
      resourceOwner: orgId,
      createdAt: at,
    });
  }
}
