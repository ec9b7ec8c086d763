import { IdempotencyClaim, IdempotencyStore, SecretSealer, StoredAnswer } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const KEY_LIFETIME_MS = 24 * 3600 * 1000;

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  headers: Record<string, string> | null;
  sealed_body: string | null;
  redacted_body: unknown;
  completed_at: Date | null;
}

@Injectable()
export class TypeOrmIdempotencyStore extends IdempotencyStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sealer: SecretSealer,
  ) {
    super();
  }

  async claim(callerId: string, key: string, requestHash: string, at: Date): Promise<IdempotencyClaim> {
    const inserted = (await this.db.query(
      `INSERT INTO idempotency_keys (caller_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (caller_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
         status_code = NULL, headers = NULL, sealed_body = NULL, redacted_body = NULL, completed_at = NULL
       WHERE idempotency_keys.created_at < $5
       RETURNING key`,
      [callerId, key, requestHash, at, new Date(at.getTime() - KEY_LIFETIME_MS)],
    )) as unknown[];
    if (inserted.length > 0) return { kind: 'claimed' };
    const [row] = (await this.db.query(
      'SELECT request_hash, status_code, headers, sealed_body, redacted_body, completed_at FROM idempotency_keys WHERE caller_id = $1 AND key = $2',
      [callerId, key],
    )) as KeyRow[];
    if (!row) return this.claim(callerId, key, requestHash, at); // released meanwhile: try again
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (!row.completed_at || row.status_code === null) return { kind: 'in-progress' };
    return {
      kind: 'replay',
      answer: {
        status: row.status_code,
        headers: row.headers ?? {},
        body: row.sealed_body ? JSON.parse(this.sealer.open(row.sealed_body)) : null,
        redactedBody: row.redacted_body,
      },
    };
  }

  async complete(callerId: string, key: string, answer: StoredAnswer, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status_code = $3, headers = $4, sealed_body = $5, redacted_body = $6, completed_at = $7
        WHERE caller_id = $1 AND key = $2`,
      [
        callerId,
        key,
        answer.status,
        answer.headers,
        this.sealer.seal(JSON.stringify(answer.body ?? null)),
        JSON.stringify(answer.redactedBody ?? null),
        at,
      ],
    );
  }

  async release(callerId: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE caller_id = $1 AND key = $2 AND completed_at IS NULL', [
      callerId,
      key,
    ]);
  }

  async prune(now: Date, secretRetentionSeconds: number): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [
      new Date(now.getTime() - KEY_LIFETIME_MS),
    ]);
    await this.db.query(
      'UPDATE idempotency_keys SET sealed_body = NULL WHERE sealed_body IS NOT NULL AND completed_at < $1',
      [new Date(now.getTime() - secretRetentionSeconds * 1000)],
    );
  }
}
