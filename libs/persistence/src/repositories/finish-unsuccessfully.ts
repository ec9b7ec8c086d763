import {
  FailureReason,
  InstanceState,
  type OperationFailure,
  operationFinishedEvent,
  OperationKind,
  OperationState,
} from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';
import { type OperationRow } from '../database/tables';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { operationSubject } from './operation.mapper';

export const CANCELLED: OperationFailure = {
  reason: FailureReason.Cancelled,
  message: 'cancelled by the caller',
  retryable: false,
};

/**
 * Ends an operation as FAILED or CANCELLED inside the caller's transaction, erasing its sealed data. A CreateInstance
 * also releases its reservation (instance STATE_FAILED, domains freed); an onboarding leaves its instance as it was.
 */
export async function finishUnsuccessfully(
  tx: SqlTransaction,
  operation: Pick<OperationRow, 'id' | 'instance_id' | 'kind'>,
  state: OperationState.Failed | OperationState.Cancelled,
  failure: OperationFailure,
  at: Date,
): Promise<void> {
  const { id: operationId, instance_id: instanceId, kind } = operation;
  await tx.execute(
    `UPDATE operations SET state = $2, failure = $3, sealed_input = NULL, sealed_secrets = NULL, secrets_expire_at = NULL,
            current_step = NULL, finished_at = $4, updated_at = $4
      WHERE id = $1`,
    [operationId, state, JSON.stringify(failure), at],
  );
  if (kind !== OperationKind.CreateInstance) return;
  await tx.execute('UPDATE instances SET state = $3, updated_at = $4 WHERE id = $1 AND state = $2', [
    instanceId,
    InstanceState.Creating,
    InstanceState.Failed,
    at,
  ]);
  await tx.execute('DELETE FROM instance_domains WHERE instance_id = $1', [instanceId]);
  await tx.appendEvents(
    instanceId,
    [
      {
        aggregateType: 'instance',
        aggregateId: instanceId,
        type: state === OperationState.Cancelled ? 'instance.cancelled' : 'instance.failed',
        payload: { operationId, reason: failure.reason },
        resourceOwner: instanceId,
      },
    ],
    at,
  );
}

/** Ends an operation whose cancellation was asked for before it got to commit (or while it was still pending). */
export async function finishCancelled(
  tx: SqlTransaction,
  operation: Pick<OperationRow, 'id' | 'instance_id' | 'kind'>,
  at: Date,
): Promise<void> {
  await finishUnsuccessfully(tx, operation, OperationState.Cancelled, CANCELLED, at);
  await recordOutboxEvent(
    tx,
    operationFinishedEvent(operationSubject(operation), OperationState.Cancelled, CANCELLED),
    at,
  );
}

/** Locks the operation row for the rest of the transaction. */
export function lockOperation(tx: SqlTransaction, operationId: string): Promise<OperationRow | undefined> {
  return tx.first<OperationRow>('SELECT * FROM operations WHERE id = $1 FOR UPDATE', [operationId]);
}
