import {
  type Operation,
  type OperationKind,
  type OperationProgress,
  type OperationState,
} from '../operations/operation';
import { type Id } from '../shared/id';

export interface OperationFilter {
  readonly instanceId?: Id;
  readonly kind?: OperationKind;
  readonly state?: OperationState;
  /** Keyset cursor: operations older than this one (newest first). */
  readonly before?: { readonly createdAt: Date; readonly id: Id };
  readonly limit: number;
}

export abstract class OperationRepository {
  /** Newest first. */
  abstract list(filter: OperationFilter): Promise<Operation[]>;
  abstract findById(operationId: Id): Promise<Operation | null>;
  /**
   * Counts an attempt and moves a PENDING or RUNNING operation to RUNNING, answering it as it is now; null when it
   * is gone or already finished. One statement: the worker's first touch of an operation reads it too.
   */
  abstract markRunning(operationId: Id, at: Date): Promise<Operation | null>;
  abstract recordProgress(operationId: Id, progress: OperationProgress): Promise<void>;
  /** Resolves with the operation once it is finished or the timeout has passed. */
  abstract waitUntilFinished(operationId: Id, timeoutMs: number): Promise<Operation | null>;
  /** Erases sealed secrets whose time is up; answers how many operations it touched. */
  abstract eraseExpiredSecrets(now: Date): Promise<number>;
  /** How many operations are kept, by kind and state (for metrics). */
  abstract countByKindAndState(): Promise<{ kind: string; state: string; count: number }[]>;
  /** Forgets operations that finished before `finishedBefore`. */
  abstract pruneFinished(finishedBefore: Date): Promise<number>;
}
