import { randomBytes } from 'node:crypto';

import { type Id, type OutboxEventInput, outboxPayload } from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';

/** PostgreSQL delivers a NOTIFY only when the transaction commits: the relay hears of events that really exist. */
export const OUTBOX_CHANNEL = 'webhook_outbox';

/**
 * Writes an outbox event inside the caller's transaction (a SqlTransaction is always one), so that the event exists exactly when the change it
 * reports does. Call it from every store that commits a change webhooks report, e.g.
 * `await recordOutboxEvent(tx, instanceRemovedEvent(instanceId, operationId), at)`.
 */
export async function recordOutboxEvent(tx: SqlTransaction, event: OutboxEventInput, at: Date): Promise<Id> {
  const id = randomBytes(8).toString('hex');
  await tx.insert('outbox_events', {
    id,
    type: event.type,
    instance_id: event.instanceId,
    payload: outboxPayload(event),
    created_at: at,
  });
  await tx.rows('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  return id;
}
