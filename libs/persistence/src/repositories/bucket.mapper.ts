import { type Bucket } from '@app/domain';

import { type BucketRow } from '../database/tables';
import { LABEL_JSON, type LabelFields, toLabel } from './label.mapper';

/** A bucket row with its labels (null when it has none: `json_agg` of no rows). */
export type BucketWithLabels = Omit<BucketRow, 'instance_id'> & { labels: LabelFields[] | null };

/** Every bucket read goes through this: columns, and labels ordered by name. */
export const SELECT_BUCKETS = `
  SELECT b.id, b.org_id, b.name, b.description, b.type, b.retention_seconds, b.shard_group_duration_seconds, b.schema_type, b.rp,
         b.created_at, b.updated_at,
         (SELECT json_agg(${LABEL_JSON} ORDER BY l.name)
            FROM bucket_labels bl JOIN labels l ON l.instance_id = bl.instance_id AND l.id = bl.label_id
           WHERE bl.instance_id = b.instance_id AND bl.bucket_id = b.id) AS labels
    FROM buckets b`;

export function toBucket(row: BucketWithLabels): Bucket {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    description: row.description,
    type: row.type,
    // bigint columns come back as strings; retentions are far below 2^53
    retentionSeconds: Number(row.retention_seconds),
    shardGroupDurationSeconds: Number(row.shard_group_duration_seconds),
    schemaType: row.schema_type,
    rp: row.rp,
    labels: (row.labels ?? []).map(toLabel),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
