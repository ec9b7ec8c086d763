export interface StoredAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The answer as first given (sealed at rest); null once its secrets were erased. */
  readonly body: unknown;
  /** The answer without secrets, for replays after SECRET_RETENTION_SECONDS. */
  readonly redactedBody: unknown;
}

export type IdempotencyClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly answer: StoredAnswer }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

/** Remembers the answer to each (caller, Idempotency-Key) for 24 hours. */
export abstract class IdempotencyStore {
  /** Claims the key for this request, or says what became of an earlier request with the same key. */
  abstract claim(callerId: string, key: string, requestHash: string, at: Date): Promise<IdempotencyClaim>;
  abstract complete(callerId: string, key: string, answer: StoredAnswer, at: Date): Promise<void>;
  /** Forgets a claim whose request failed, so that the same key may be tried again. */
  abstract release(callerId: string, key: string): Promise<void>;
  /** Drops keys older than 24 hours and erases sealed answers older than the secret retention. */
  abstract prune(now: Date, secretRetentionSeconds: number): Promise<void>;
}
