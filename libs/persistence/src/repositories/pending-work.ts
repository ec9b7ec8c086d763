import { type Id, type LimitedAdmission, OperationKind, OperationState } from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';

const UNFINISHED = [OperationState.Pending, OperationState.Running];

/** The error `admit_pending_create` raises at the limit, with the count in DETAIL (see its migration). */
const TOO_MANY_PENDING_CREATES = 'PW429';

/**
 * The refusal of `admit_pending_create` (see its migration: it locks the caller, counts its other unfinished
 * creations and raises at the limit) turned into the caller's error: `admit` is called with the count and throws.
 * Any other error is left to the caller.
 */
export function throwIfAdmissionRefused(error: unknown, admit: LimitedAdmission): void {
  const { code, detail } = error as { code?: string; detail?: string };
  if (code === TOO_MANY_PENDING_CREATES) admit(Number(detail));
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
