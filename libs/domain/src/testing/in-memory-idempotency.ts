/** In-memory fake of the idempotency store, for unit specs only (nothing in the app imports this file). */
import { type IdempotencyClaim, type IdempotencyStore, type StoredAnswer } from '../ports';

/** As long as the real store remembers a key. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3600 * 1000;

interface StoredKey {
  requestHash: string;
  createdAt: Date;
  answer: StoredAnswer | null;
  completedAt: Date | null;
}

export class InMemoryIdempotencyStore implements IdempotencyStore {
  /** By `<caller> <key>`. The answer's body stands for the sealed body of the real store (null once erased). */
  readonly keys = new Map<string, StoredKey>();

  async claim(callerId: string, key: string, requestHash: string, at: Date): Promise<IdempotencyClaim> {
    const id = `${callerId} ${key}`;
    const row = this.keys.get(id);
    if (!row || row.createdAt.getTime() < at.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS) {
      this.keys.set(id, { requestHash, createdAt: at, answer: null, completedAt: null });
      return { kind: 'claimed' };
    }
    if (row.requestHash !== requestHash) return { kind: 'mismatch' };
    if (!row.answer) return { kind: 'in-progress' };
    return { kind: 'replay', answer: row.answer };
  }

  async complete(callerId: string, key: string, answer: StoredAnswer, at: Date): Promise<void> {
    const row = this.keys.get(`${callerId} ${key}`);
    if (row) Object.assign(row, { answer, completedAt: at });
  }

  async release(callerId: string, key: string): Promise<void> {
    const id = `${callerId} ${key}`;
    if (this.keys.get(id)?.completedAt === null) this.keys.delete(id);
  }

  /** Drops keys older than 24 hours and erases the bodies of answers older than the secret retention. */
  async prune(now: Date, secretRetentionSeconds: number): Promise<void> {
    for (const [id, row] of this.keys) {
      if (row.createdAt.getTime() < now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS) this.keys.delete(id);
      else if (row.answer && row.completedAt!.getTime() < now.getTime() - secretRetentionSeconds * 1000)
        row.answer = { ...row.answer, body: null };
    }
  }
}
