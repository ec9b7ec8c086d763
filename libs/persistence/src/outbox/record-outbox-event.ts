import { randomBytes } from 'node:crypto';

import { type Id, type OutboxEventInput, outboxPayload } from '@app/domain';
import { type EntityManager } from 'typeorm';

/** PostgreSQL delivers a NOTIFY only when the transaction commits: the relay hears of events that really exist. */
export const OUTBOX_CHANNEL = 'webhook_outbox';

/**
 * Writes an outbox event inside the caller's transaction, so that the event exists exactly when the change it
 * reports does. Call it from every store that commits a change webhooks report, e.g.
 * `await recordOutboxEvent(tx, instanceRemovedEvent(instanceId, operationId), at)`.
 */
export async function recordOutboxEvent(tx: EntityManager, event: OutboxEventInput, at: Date): Promise<Id> {
  if (!tx.queryRunner?.isTransactionActive)
    throw new Error('recordOutboxEvent needs the transaction of the change it reports');
  const id = randomBytes(8).toString('hex');
  await tx.query('INSERT INTO outbox_events (id, type, instance_id, payload, created_at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    event.type,
    event.instanceId,
    outboxPayload(event),
    at,
  ]);
  await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  return id;
}
