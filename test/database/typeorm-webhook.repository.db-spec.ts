import { DeliveryStatus, type NewWebhook } from '@app/domain';

import { TypeOrmWebhookRepository } from '../../libs/persistence/src/repositories/typeorm-webhook.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

describe('TypeOrmWebhookRepository', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmWebhookRepository;
  let a: SeededInstance;

  const webhook = (createdAt: Date): NewWebhook => ({
    id: newId(),
    url: 'https://receiver.example.com/hook',
    eventTypes: ['instance.created', 'operation.finished'],
    description: 'ops',
    createdAt,
    sealedSecret: 'sealed-signing-secret',
    createdBy: 'system-caller',
  });

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmWebhookRepository(harness.system);
    a = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  it('creates, lists oldest first and finds webhooks, never answering the sealed secret', async () => {
    const first = webhook(new Date('2026-01-01T00:00:00Z'));
    const second = webhook(new Date('2026-01-02T00:00:00Z'));
    await repo.create(second);
    await repo.create(first);
    const { sealedSecret, createdBy, ...shown } = first;
    expect(await repo.findById(first.id)).toEqual(shown);
    expect((await repo.list()).map((w) => w.id)).toEqual([first.id, second.id]);
    expect(JSON.stringify(await repo.list())).not.toContain(sealedSecret);
    expect(await repo.findById(newId())).toBeNull();
    const [stored] = await harness.owner<{ event_types: string[]; created_by: string }>(
      'SELECT event_types, created_by FROM webhooks WHERE id = $1',
      [first.id],
    );
    expect(stored).toEqual({ event_types: first.eventTypes, created_by: createdBy });
  });

  it('lists deliveries newest first with their attempt log, and deletes a webhook with its deliveries', async () => {
    const hook = webhook(new Date());
    await repo.create(hook);
    const startedAt = '2026-02-03T04:05:06.000Z';
    const ids = [newId(), newId()];
    for (const [i, id] of ids.entries())
      await harness.owner(
        `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, attempts, attempt_log, created_at)
         VALUES ($1, $2, $3, 'instance.created', $4, 1, $5, $6)`,
        [
          id,
          hook.id,
          a.operationId, // the seeded outbox event has the operation's id
          DeliveryStatus.Failed,
          JSON.stringify([
            { attempt: 1, succeeded: false, responseStatus: 500, error: 'HTTP 500', startedAt, durationMs: 12 },
          ]),
          new Date(Date.parse('2026-02-03T00:00:00Z') + i * 1000),
        ],
      );
    const deliveries = await repo.listDeliveries(hook.id, 10);
    expect(deliveries.map((d) => d.id)).toEqual([...ids].reverse());
    expect(deliveries[0]).toMatchObject({
      webhookId: hook.id,
      eventId: a.operationId,
      eventType: 'instance.created',
      status: DeliveryStatus.Failed,
      attempt: 1,
      attempts: [
        {
          attempt: 1,
          succeeded: false,
          responseStatus: 500,
          error: 'HTTP 500',
          startedAt: new Date(startedAt),
          durationMs: 12,
        },
      ],
    });
    expect(await repo.listDeliveries(hook.id, 1)).toHaveLength(1);

    expect(await repo.delete(hook.id)).toBe(true);
    expect(await repo.delete(hook.id)).toBe(false);
    expect(await repo.listDeliveries(hook.id, 10)).toEqual([]);
    const [{ n }] = await harness.owner<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1',
      [hook.id],
    );
    expect(n).toBe(0);
  });
});
