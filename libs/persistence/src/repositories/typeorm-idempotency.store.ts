import { IdempotencyClaim, IdempotencyStore, SecretSealer, StoredAnswer } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { SystemDatabase } from '../database/system-database';
import { type IdempotencyKeyRow } from '../database/tables';

const KEY_LIFETIME_MS = 24 * 3600 * 1000;

type KeyRow = Pick<
  IdempotencyKeyRow,
  'request_hash' | 'status_code' | 'headers' | 'sealed_body' | 'redacted_body' | 'completed_at'
>;

/** Idempotency keys belong to System API callers, not to an instance: every statement runs in the system scope. */
@Injectable()
export class TypeOrmIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly system: SystemDatabase,
    private readonly sealer: SecretSealer,
  ) {
    super();
  }

  async claim(callerId: string, key: string, requestHash: string, at: Date): Promise<IdempotencyClaim> {
    const earlier = await this.system.run(async (tx) => {
      // A key older than its lifetime is claimed afresh, as if it had never been used.
      const claimed = await tx.rows<Pick<IdempotencyKeyRow, 'key'>>(
        `INSERT INTO idempotency_keys (caller_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (caller_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
           status_code = NULL, headers = NULL, sealed_body = NULL, redacted_body = NULL, completed_at = NULL
         WHERE idempotency_keys.created_at < $5
         RETURNING key`,
        [callerId, key, requestHash, at, new Date(at.getTime() - KEY_LIFETIME_MS)],
      );
      if (claimed.length > 0) return 'claimed';
      const row = await tx.first<KeyRow>(
        `SELECT request_hash, status_code, headers, sealed_body, redacted_body, completed_at
           FROM idempotency_keys WHERE caller_id = $1 AND key = $2`,
        [callerId, key],
      );
      return row ?? 'released';
    });
    if (earlier === 'claimed') return { kind: 'claimed' };
    if (earlier === 'released') return this.claim(callerId, key, requestHash, at); // released meanwhile: try again
    if (earlier.request_hash !== requestHash) return { kind: 'mismatch' };
    if (!earlier.completed_at || earlier.status_code === null) return { kind: 'in-progress' };
    return {
      kind: 'replay',
      answer: {
        status: earlier.status_code,
        headers: earlier.headers ?? {},
        body: earlier.sealed_body ? JSON.parse(this.sealer.open(earlier.sealed_body)) : null,
        redactedBody: earlier.redacted_body,
      },
    };
  }

  async complete(callerId: string, key: string, answer: StoredAnswer, at: Date): Promise<void> {
    await this.system.run((tx) =>
      tx.execute(
        `UPDATE idempotency_keys SET status_code = $3, headers = $4, sealed_body = $5, redacted_body = $6, completed_at = $7
          WHERE caller_id = $1 AND key = $2`,
        [
          callerId,
          key,
          answer.status,
          JSON.stringify(answer.headers),
          this.sealer.seal(JSON.stringify(answer.body ?? null)),
          JSON.stringify(answer.redactedBody ?? null),
          at,
        ],
      ),
    );
  }

  async release(callerId: string, key: string): Promise<void> {
    await this.system.run((tx) =>
      tx.execute('DELETE FROM idempotency_keys WHERE caller_id = $1 AND key = $2 AND completed_at IS NULL', [
        callerId,
        key,
      ]),
    );
  }

  async prune(now: Date, secretRetentionSeconds: number): Promise<void> {
    await this.system.run(async (tx) => {
      await tx.execute('DELETE FROM idempotency_keys WHERE created_at < $1', [
        new Date(now.getTime() - KEY_LIFETIME_MS),
      ]);
      await tx.execute(
        'UPDATE idempotency_keys SET sealed_body = NULL WHERE sealed_body IS NOT NULL AND completed_at < $1',
        [new Date(now.getTime() - secretRetentionSeconds * 1000)],
      );
    });
  }
}
