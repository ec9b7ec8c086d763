import { operationFinishedEvent, OperationState } from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';
import { type OperationRow } from '../database/tables';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { operationSubject } from './operation.mapper';

/** What a workflow's commit leaves on its operation row besides the state. */
export interface SuccessfulFinish {
  /** Stored as JSON and answered to whoever waits for the operation. */
  readonly outcome: unknown;
  readonly sealedSecrets: string | null;
  readonly secretsExpireAt: Date | null;
}

/**
 * Ends an operation as SUCCEEDED inside the commit's transaction: its outcome and sealed secrets are stored, its
 * sealed input is erased, all its steps count as done, and the outbox learns that it finished.
 */
export async function finishSuccessfully(
  tx: SqlTransaction,
  operation: OperationRow,
  finish: SuccessfulFinish,
  at: Date,
): Promise<void> {
  await tx.execute(
    `UPDATE operations SET state = $2, outcome = $3, sealed_input = NULL, sealed_secrets = $4, secrets_expire_at = $5,
            current_step = NULL, completed_steps = total_steps, finished_at = $6, updated_at = $6
      WHERE id = $1`,
    [
      operation.id,
      OperationState.Succeeded,
      JSON.stringify(finish.outcome),
      finish.sealedSecrets,
      finish.secretsExpireAt,
      at,
    ],
  );
  await recordOutboxEvent(tx, operationFinishedEvent(operationSubject(operation), OperationState.Succeeded), at);
}
