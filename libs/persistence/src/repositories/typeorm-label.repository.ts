import { DomainError, ErrorCode, Id, Label, LabelChanges, LabelRepository, PlannedEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { TenantDatabase } from '../database/tenant-database';
import { LABEL_COLUMNS, type LabelFields, toLabel } from './label.mapper';
import { isUniqueViolation } from './postgres-errors';

/** Labels of one instance: every call runs in a transaction scoped to it, writes with the events the domain planned. */
@Injectable()
export class TypeOrmLabelRepository extends LabelRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]> {
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<LabelFields>(
        `SELECT ${LABEL_COLUMNS} FROM labels l
          WHERE l.instance_id = $1 AND ($2::boolean OR l.org_id = ANY($3::text[]))
            AND ($4::text IS NULL OR l.org_id = $4) AND ($5::text IS NULL OR l.name = $5)
          ORDER BY lower(l.name), l.id`,
        [instanceId, orgIds === 'all', orgIds === 'all' ? [] : orgIds, filter.orgId ?? null, filter.name ?? null],
      );
      return rows.map(toLabel);
    });
  }

  find(instanceId: Id, labelId: Id): Promise<Label | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<LabelFields>(
        `SELECT ${LABEL_COLUMNS} FROM labels l WHERE l.instance_id = $1 AND l.id = $2`,
        [instanceId, labelId],
      );
      return row ? toLabel(row) : null;
    });
  }

  create(instanceId: Id, label: Label, event: PlannedEvent, at: Date): Promise<Label> {
    return uniqueName(label.name, () =>
      this.db.withInstance(instanceId, async (tx) => {
        await tx.insert('labels', {
          instance_id: instanceId,
          id: label.id,
          org_id: label.orgId,
          name: label.name,
          properties: label.properties,
          created_at: at,
          updated_at: at,
        });
        await tx.appendEvents(instanceId, [event], at);
        return label;
      }),
    );
  }

  update(instanceId: Id, labelId: Id, changes: LabelChanges, event: PlannedEvent, at: Date): Promise<Label | null> {
    return uniqueName(changes.name ?? '', () =>
      this.db.withInstance(instanceId, async (tx) => {
        const [row] = await tx.rows<LabelFields>(
          `UPDATE labels l SET name = COALESCE($3, l.name), properties = COALESCE($4::jsonb, l.properties), updated_at = $5
            WHERE l.instance_id = $1 AND l.id = $2 RETURNING ${LABEL_COLUMNS}`,
          [
            instanceId,
            labelId,
            changes.name ?? null,
            changes.properties ? JSON.stringify(changes.properties) : null,
            at,
          ],
        );
        if (!row) return null;
        await tx.appendEvents(instanceId, [event], at);
        return toLabel(row);
      }),
    );
  }

  delete(instanceId: Id, labelId: Id, event: PlannedEvent, at: Date): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      // its bucket mappings go with it (ON DELETE CASCADE)
      const removed = await tx.execute('DELETE FROM labels WHERE instance_id = $1 AND id = $2', [instanceId, labelId]);
      if (removed === 0) return false;
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]> {
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<LabelFields>(
        `SELECT ${LABEL_COLUMNS} FROM bucket_labels bl JOIN labels l ON l.instance_id = bl.instance_id AND l.id = bl.label_id
          WHERE bl.instance_id = $1 AND bl.bucket_id = $2 ORDER BY lower(l.name), l.id`,
        [instanceId, bucketId],
      );
      return rows.map(toLabel);
    });
  }

  addToBucket(instanceId: Id, bucketId: Id, labelId: Id, at: Date): Promise<void> {
    return this.db.withInstance(instanceId, async (tx) => {
      // Inserts only when bucket and label both exist in the instance, so a wrong id is an answer, not a
      // foreign-key error that would abort the transaction.
      const inserted = await tx.rows<{ label_id: string }>(
        `INSERT INTO bucket_labels (instance_id, bucket_id, label_id, created_at)
         SELECT b.instance_id, b.id, l.id, $4::timestamptz
           FROM buckets b JOIN labels l ON l.instance_id = b.instance_id AND l.id = $3
          WHERE b.instance_id = $1 AND b.id = $2
         ON CONFLICT DO NOTHING RETURNING label_id`,
        [instanceId, bucketId, labelId, at],
      );
      if (inserted.length > 0) return;
      const attached = await tx.first(
        'SELECT 1 FROM bucket_labels WHERE instance_id = $1 AND bucket_id = $2 AND label_id = $3',
        [instanceId, bucketId, labelId],
      );
      if (attached) throw new DomainError(ErrorCode.Conflict, 'label is already on this bucket');
      throw new DomainError(ErrorCode.NotFound, 'bucket or label not found');
    });
  }

  async removeFromBucket(instanceId: Id, bucketId: Id, labelId: Id): Promise<boolean> {
    const removed = await this.db.withInstance(instanceId, (tx) =>
      tx.execute('DELETE FROM bucket_labels WHERE instance_id = $1 AND bucket_id = $2 AND label_id = $3', [
        instanceId,
        bucketId,
        labelId,
      ]),
    );
    return removed > 0;
  }
}

/** Label names are unique per org whatever their case; the violated index becomes CONFLICT after the rollback. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'labels_name_key'))
      throw new DomainError(ErrorCode.Conflict, `label with name ${name} already exists`);
    throw error;
  }
}
