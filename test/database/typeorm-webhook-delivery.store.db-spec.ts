import { DeliveryStatus, type RelayBatch } from '@app/domain';

import { TypeOrmWebhookDeliveryStore } from '../../libs/persistence/src/repositories/typeorm-webhook-delivery.store';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

describe('TypeOrmWebhookDeliveryStore', () => {
  let harness: RepositoryHarness;
  let store: TypeOrmWebhookDeliveryStore;
  let a: SeededInstance;
  let b: SeededInstance;
  const at = new Date('2026-10-11T12:13:14.000Z');
  const createdHook = newId();
  const finishedHook = newId();

  const undispatched = async () =>
    (await harness.owner<{ id: string }>('SELECT id FROM outbox_events WHERE dispatched_at IS NULL ORDER BY id')).map(
      (r) => r.id,
    );

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    store = new TypeOrmWebhookDeliveryStore(harness.system);
    // each seeded instance has one undispatched 'instance.created' outbox event, whose id is its operation id
    a = await harness.seedInstance();
    b = await harness.seedInstance();
    for (const [id, types] of [
      [createdHook, '{instance.created}'],
      [finishedHook, '{operation.finished}'],
    ])
      await harness.owner(
        `INSERT INTO webhooks (id, url, event_types, sealed_secret, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'system-caller', now())`,
        [id, `https://receiver.example.com/${id}`, types, `sealed-${id}`],
      );
  });
  afterAll(() => harness.stop());

  it('stores nothing and dispatches nothing when enqueueing fails', async () => {
    const refused = new Error('redis is down');
    await expect(store.relay(10, newId, at, () => Promise.reject(refused))).rejects.toBe(refused);
    expect(await undispatched()).toEqual([a.operationId, b.operationId].sort());
    const [{ n }] = await harness.owner<{ n: number }>('SELECT count(*)::int AS n FROM webhook_deliveries');
    expect(n).toBe(0);
  });

  it("relays every instance's events to the webhooks subscribed to their type, once", async () => {
    const enqueued: RelayBatch[] = [];
    const batch = await store.relay(10, newId, at, async (b) => {
      enqueued.push(b);
    });
    expect(enqueued).toEqual([batch]);
    expect(batch.events.map((e) => e.id).sort()).toEqual([a.operationId, b.operationId].sort());
    expect(batch.events[0]).toMatchObject({ type: 'instance.created', payload: {} });
    expect(batch.deliveries.map((d) => [d.webhookId, d.eventId]).sort()).toEqual(
      [
        [createdHook, a.operationId],
        [createdHook, b.operationId],
      ].sort(),
    );
    expect(await undispatched()).toEqual([]);
    const stored = await harness.owner<{ id: string; status: string }>('SELECT id, status FROM webhook_deliveries');
    expect(stored.map((d) => d.id).sort()).toEqual(batch.deliveries.map((d) => d.id).sort());
    expect(new Set(stored.map((d) => d.status))).toEqual(new Set([DeliveryStatus.Pending]));

    expect(await store.relay(10, newId, at, () => Promise.resolve())).toEqual({ events: [], deliveries: [] });
  });

  it('finds a delivery target, and records attempts until the delivery is finished', async () => {
    const [{ id: deliveryId }] = await harness.owner<{ id: string }>(
      'SELECT id FROM webhook_deliveries WHERE event_id = $1',
      [b.operationId],
    );
    expect(await store.findTarget(deliveryId)).toEqual({
      deliveryId,
      status: DeliveryStatus.Pending,
      url: `https://receiver.example.com/${createdHook}`,
      sealedSecret: `sealed-${createdHook}`,
      event: { id: b.operationId, type: 'instance.created', payload: {}, createdAt: expect.any(Date) },
    });
    expect(await store.findTarget(newId())).toBeNull();

    const startedAt = new Date('2026-10-11T12:14:00.000Z');
    await store.recordAttempt(
      deliveryId,
      { succeeded: false, responseStatus: 503, error: 'HTTP 503', startedAt, durationMs: 20 },
      DeliveryStatus.Pending,
    );
    await store.recordAttempt(
      deliveryId,
      { succeeded: true, responseStatus: 200, error: null, startedAt, durationMs: 30 },
      DeliveryStatus.Succeeded,
    );
    // a job run again after the delivery finished changes nothing
    await store.recordAttempt(
      deliveryId,
      { succeeded: false, responseStatus: 500, error: 'late', startedAt, durationMs: 1 },
      DeliveryStatus.Failed,
    );
    const [row] = await harness.owner<{
      status: string;
      attempts: number;
      finished_at: Date;
      attempt_log: { startedAt: string }[];
    }>('SELECT status, attempts, finished_at, attempt_log FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    // PostgreSQL writes the timestamps in its own JSON format: compare them as instants
    const log = row.attempt_log.map((entry) => ({ ...entry, startedAt: new Date(entry.startedAt) }));
    expect({ ...row, attempt_log: log }).toEqual({
      status: DeliveryStatus.Succeeded,
      attempts: 2,
      finished_at: new Date(startedAt.getTime() + 30),
      attempt_log: [
        { attempt: 1, succeeded: false, responseStatus: 503, error: 'HTTP 503', startedAt, durationMs: 20 },
        { attempt: 2, succeeded: true, responseStatus: 200, error: null, startedAt, durationMs: 30 },
      ],
    });
  });
});
