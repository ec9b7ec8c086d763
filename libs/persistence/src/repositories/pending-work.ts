import { type Id, type LimitedAdmission, OperationKind, OperationState } from '@app/domain';
import { escapeLiteral } from 'pg';

import { type SqlTransaction } from '../database/sql-transaction';

const UNFINISHED = [OperationState.Pending, OperationState.Running];

/** The error `admit_pending_create` raises at the limit, with the count in DETAIL (see its migration). */
const TOO_MANY_PENDING_CREATES = 'PW429';

/**
 * Admits the reservation of a create and commits it, in one round trip: `admit_pending_create` locks the caller
 * (in the system scope: the caller's creations span instances), counts its other unfinished creations and raises
 * at the limit; COMMIT follows in the same message. Concurrent reservations of the same caller queue on that lock,
 * each seeing the others' committed rows, and the lock is held for the count and the commit only.
 *
 * The values are literals (a simple-protocol query has no parameters): ids the service made and an integer.
 * At the limit, `admit` is called with the count, to throw the refusal the caller gets.
 */
export async function admitAndCommit(
  tx: SqlTransaction,
  reservation: { createdBy: string; operationId: string },
  admit: LimitedAdmission,
): Promise<void> {
  const limit = Math.max(0, Math.trunc(admit.limit));
  try {
    await tx.commitAfter(
      `SELECT admit_pending_create(${escapeLiteral(reservation.createdBy)}, ${escapeLiteral(reservation.operationId)}, ${limit})`,
    );
  } catch (error) {
    const { code, detail } = error as { code?: string; detail?: string };
    if (code === TOO_MANY_PENDING_CREATES) admit(Number(detail));
    throw error;
  }
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
