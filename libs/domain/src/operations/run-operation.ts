import { type Clock, type OperationRepository, type ProvisioningStore } from '../ports';
import { type Id } from '../shared/id';
import { failureFromError, isPermanent } from './failure-from-error';
import { type Operation, OperationState } from './operation';

/** One attempt at an operation's worker half: where to read and mark the operation, and what to do on an error. */
export interface OperationAttempt {
  readonly operations: OperationRepository;
  readonly clock: Clock;
  readonly operationId: Id;
  /** No other attempt follows this one: an error must finish the operation rather than wait for a retry. */
  readonly finalAttempt: boolean;
  /**
   * Finishes the operation as failed (and releases what it holds). Without it, every error goes back to the queue to
   * be retried and the operation is never failed: for work that must end done, such as purging a stopped instance.
   */
  readonly failures?: Pick<ProvisioningStore, 'fail'>;
}

/**
 * The worker half of every operation, once: find it, count the attempt and mark it RUNNING, run the work, and on an
 * error either throw it back for another attempt or, on the final attempt or for an error no attempt can fix, finish
 * the operation as failed. An operation that is gone or already finished (a redelivered job, a cancel) is left as it
 * is and its state answered, so running a job twice changes nothing. `work` answers the state the operation ended in.
 */
export async function runOperation(
  { operations, clock, operationId, finalAttempt, failures }: OperationAttempt,
  work: (operation: Operation) => Promise<OperationState>,
): Promise<OperationState> {
  const operation = await operations.markRunning(operationId, clock.now());
  // Gone, or finished by another delivery or a cancel: nothing left to do but say how it ended.
  if (!operation) return (await operations.findById(operationId))?.state ?? OperationState.Failed;
  try {
    return await work(operation);
  } catch (error) {
    if (!failures || (!finalAttempt && !isPermanent(error))) throw error;
    await failures.fail(operationId, failureFromError(error), clock.now());
    return OperationState.Failed;
  }
}
