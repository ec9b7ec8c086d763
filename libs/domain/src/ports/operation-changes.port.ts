import { type OperationState } from '../operations/operation';
import { type Id } from '../shared/id';

/** Called after a committed change of an operation with its state after it; null when the source did not say. */
export type OperationChangeListener = (state: OperationState | null) => void;

/**
 * Tells waiters in this process that an operation changed (state or progress), whichever process changed it.
 * Best effort: a notification can be lost while the underlying connection is down, so waiters also poll slowly.
 */
export abstract class OperationChanges {
  /** Calls `listener` after each committed change of the operation; answers a function that stops listening. */
  abstract subscribe(operationId: Id, listener: OperationChangeListener): () => void;

  /**
   * Whether changes are heard now. When hearing starts or stops, every listener is called with state null (changes
   * may have been missed), so that a waiter re-reads and knows whether it must poll.
   */
  abstract readonly listening: boolean;
}

/**
 * Subscribes at once and remembers a change until `next` consumes it, so that nothing is missed between reading
 * the operation and waiting for its next change.
 */
export class OperationChangeSignal {
  private changed = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  /**
   * `wakesOn` picks the changes that count (default: all); a waiter for the end of an operation lets progress pass,
   * and a change whose state is unknown always counts.
   */
  constructor(changes: OperationChanges, operationId: Id, wakesOn: (state: OperationState) => boolean = () => true) {
    this.unsubscribe = changes.subscribe(operationId, (state) => {
      if (state !== null && !wakesOn(state)) return;
      this.changed = true;
      this.wake?.();
    });
  }

  /** Resolves at the next change (or at once if one came since the last call), or after `timeoutMs`. */
  async next(timeoutMs: number): Promise<void> {
    if (!this.changed && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.changed = false;
  }

  close(): void {
    this.wake?.();
    this.unsubscribe();
  }
}
