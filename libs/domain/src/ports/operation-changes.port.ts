import { type Id } from '../shared/id';

/**
 * Tells waiters in this process that an operation changed (state or progress), whichever process changed it.
 * Best effort: a notification can be lost while the underlying connection is down, so waiters also poll slowly.
 */
export abstract class OperationChanges {
  /** Calls `listener` after each committed change of the operation; answers a function that stops listening. */
  abstract subscribe(operationId: Id, listener: () => void): () => void;
}

/**
 * Subscribes at once and remembers a change until `next` consumes it, so that nothing is missed between reading
 * the operation and waiting for its next change.
 */
export class OperationChangeSignal {
  private changed = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(changes: OperationChanges, operationId: Id) {
    this.unsubscribe = changes.subscribe(operationId, () => {
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
