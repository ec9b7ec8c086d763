/** Tells the relay that outbox events were committed, so that it need not wait for its next tick. Best effort. */
export abstract class OutboxNotifications {
  /** Calls `listener` after each commit that wrote outbox events; resolves with a function that stops listening. */
  abstract subscribe(listener: () => void): Promise<() => Promise<void>>;
}
