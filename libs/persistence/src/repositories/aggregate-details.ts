import { type Id, type ObjectDetails } from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';

/** details{sequence, creationDate, changeDate, resourceOwner} of one aggregate, read off its events. */
export async function aggregateDetails(
  tx: SqlTransaction,
  instanceId: Id,
  aggregateType: string,
  aggregateId: Id,
): Promise<ObjectDetails | null> {
  const row = await tx.first<{ sequence: string | null; first: Date; last: Date; owner: string }>(
    `SELECT max(sequence)::text AS sequence, min(created_at) AS first, max(created_at) AS last,
            (array_agg(resource_owner ORDER BY sequence DESC))[1] AS owner
       FROM events WHERE instance_id = $1 AND aggregate_type = $2 AND aggregate_id = $3`,
    [instanceId, aggregateType, aggregateId],
  );
  if (!row?.sequence) return null;
  return { sequence: row.sequence, creationDate: row.first, changeDate: row.last, resourceOwner: row.owner };
}
