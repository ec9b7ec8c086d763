import { type Label } from '@app/domain';

import { type LabelRow } from '../database/tables';

/** The columns a label is made of; also what buckets aggregate of their labels (json_build_object). */
export type LabelFields = Pick<LabelRow, 'id' | 'org_id' | 'name' | 'properties'>;

export const LABEL_COLUMNS = 'l.id, l.org_id, l.name, l.properties';

/** One label as JSON with the same keys as its row, for `json_agg` in bucket queries. */
export const LABEL_JSON = `json_build_object('id', l.id, 'org_id', l.org_id, 'name', l.name, 'properties', l.properties)`;

export function toLabel(row: LabelFields): Label {
  return { id: row.id, orgId: row.org_id, name: row.name, properties: row.properties };
}
