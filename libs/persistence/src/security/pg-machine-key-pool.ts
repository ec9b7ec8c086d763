import { randomBytes } from 'node:crypto';

import { Id, MachineKeyPool, PooledKeyPair, RsaKeyPair, SecretSealer } from '@app/domain';
import { Injectable } from '@nestjs/common';

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
      return { poolId: row.id, publicKeyPem: row.public_key_pem, privateKeyPem: this.sealer.open(row.sealed_private_key) };
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
