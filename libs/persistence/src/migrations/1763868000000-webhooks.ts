import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * System API webhooks and the transactional outbox that feeds them. These are service-level tables, not tenant
 * tables: a webhook sees every instance's events.
 */
export class Webhooks1763868000000 implements MigrationInterface {
  name = 'Webhooks1763868000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id varchar(16) PRIMARY KEY,
        url text NOT NULL,
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        description text NOT NULL DEFAULT '',
        -- AES-256-GCM with SECRET_KEY: the worker opens it to sign every delivery
        sealed_secret text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      );
      -- the relay's "webhooks subscribed to any of these event types"
      CREATE INDEX webhooks_event_types_idx ON webhooks USING gin (event_types);

      -- Written in the same transaction as the change it reports; the relay turns it into deliveries.
      CREATE TABLE outbox_events (
        id varchar(16) PRIMARY KEY,
        type text NOT NULL,
        instance_id varchar(16) NOT NULL,
        -- {instanceId, operationId, ...}: ids and states only, never a secret
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        dispatched_at timestamptz
      );
      -- the relay's "oldest undispatched events first"
      CREATE INDEX outbox_events_pending_idx ON outbox_events (created_at, id) WHERE dispatched_at IS NULL;
      -- an instance's events
      CREATE INDEX outbox_events_instance_idx ON outbox_events (instance_id, created_at);

      CREATE TABLE webhook_deliveries (
        id varchar(16) PRIMARY KEY,
        webhook_id varchar(16) NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event_id varchar(16) NOT NULL REFERENCES outbox_events(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        response_status int,
        error text,
        -- one entry per attempt: {attempt, succeeded, responseStatus, error, startedAt, durationMs}
        attempt_log jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        finished_at timestamptz
      );
      -- GET /system/v1/webhooks/{id}/deliveries, newest first
      CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC);
      -- deleting outbox events takes their deliveries along
      CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_deliveries; DROP TABLE outbox_events; DROP TABLE webhooks;');
  }
}
