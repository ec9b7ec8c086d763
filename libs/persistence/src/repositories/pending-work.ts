import { type Id, OperationKind, OperationState } from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';

const UNFINISHED = [OperationState.Pending, OperationState.Running];

/**
 * Unfinished instance creations of one System API caller other than `ownOperationId`, counted after taking a
 * transaction-scoped advisory lock on that caller (in the system scope: the caller's creations span instances):
 * concurrent reservations of the same caller queue here, so each one sees the others' committed rows. Lock and count
 * are one statement (the `pending_creates_of` function, see its migration).
 *
 * The reservation calls it last, after its own inserts: the lock is then held for this statement and the COMMIT
 * only, since every create of one caller waits for it (with one System API token, every create).
 */
export async function pendingCreatesOf(tx: SqlTransaction, createdBy: string, ownOperationId: string): Promise<number> {
  const [{ count }] = await tx.rows<{ count: number }>('SELECT pending_creates_of($1, $2) AS count', [
    createdBy,
    ownOperationId,
  ]);
  return count;
}

/** Unfinished tenant-initiated setups of one instance, counted under the instance row's lock. */
export async function pendingSetupsOf(tx: SqlTransaction, instanceId: Id): Promise<number> {
  await tx.rows('SELECT 1 FROM instances WHERE id = $1 FOR NO KEY UPDATE', [instanceId]);
  const [{ count }] = await tx.rows<{ count: number }>(
    'SELECT count(*)::int AS count FROM operations WHERE instance_id = $1 AND kind = ANY($2) AND state = ANY($3)',
    [instanceId, [OperationKind.SetupInstance, OperationKind.SetupUser], UNFINISHED],
  );
  return count;
}
