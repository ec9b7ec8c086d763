import { randomBytes } from 'node:crypto';

import { Id, MachineKeyPool, PooledKeyPair, RsaKeyPair, SecretSealer } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { SystemDatabase } from '../database/system-database';
import { type MachineKeyPoolRow } from '../database/tables';

/** A claim older than this belongs to an operation that gave up (it failed or was cancelled): it is free again. */
const ABANDONED_CLAIM = '10 minutes';

/** The pool in PostgreSQL, private keys sealed with SECRET_KEY. Cross-instance by nature, hence the system scope. */
@Injectable()
export class PgMachineKeyPool extends MachineKeyPool {
  constructor(
    private readonly db: SystemDatabase,
    private readonly sealer: SecretSealer,
  ) {
    super();
  }

  claim(operationId: Id): Promise<PooledKeyPair | null> {
    return this.db.run(async (tx) => {
      // SKIP LOCKED: concurrent workers never queue on, nor both take, the same row.
      const row = await tx.first<MachineKeyPoolRow>(
        `UPDATE machine_key_pool SET claimed_by = $1, claimed_at = now()
          WHERE id = (SELECT id FROM machine_key_pool
                       WHERE claimed_by = $1 OR claimed_by IS NULL OR claimed_at < now() - interval '${ABANDONED_CLAIM}'
                       ORDER BY claimed_by = $1 DESC NULLS LAST, created_at
                       LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING *`,
        [operationId],
      );
      if (!row) return null;
      return {
        poolId: row.id,
        publicKeyPem: row.public_key_pem,
        privateKeyPem: this.sealer.open(row.sealed_private_key),
      };
    });
  }

  add(pairs: readonly RsaKeyPair[]): Promise<void> {
    const now = new Date();
    return this.db.run((tx) =>
      tx.insert(
        'machine_key_pool',
        pairs.map((pair) => ({
          id: randomBytes(8).toString('hex'),
          public_key_pem: pair.publicKeyPem,
          sealed_private_key: this.sealer.seal(pair.privateKeyPem),
          created_at: now,
        })),
      ),
    );
  }

  depth(): Promise<number> {
    return this.db.run(async (tx) => {
      const row = await tx.first<{ n: number }>('SELECT count(*)::int AS n FROM machine_key_pool');
      return row?.n ?? 0;
    });
  }
}

/**
 * Deletes the pooled pair a plan used, inside the transaction that writes the instance. Only the operation that
 * holds the claim may: when the claim was lost (abandoned, then claimed by another operation) the write fails, the
 * transaction rolls back, and the job's retry claims again, so that no pair ever serves two instances.
 */
export async function consumePooledKeyPair(tx: SqlTransaction, poolId: Id, operationId: Id): Promise<void> {
  const deleted = await tx.execute('DELETE FROM machine_key_pool WHERE id = $1 AND claimed_by = $2', [
    poolId,
    operationId,
  ]);
  if (deleted === 0)
    throw new Error('the pooled key pair is no longer claimed by this operation; a retry claims again');
}
