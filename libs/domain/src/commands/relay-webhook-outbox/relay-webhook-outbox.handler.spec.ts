import { FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import {
  InMemoryWebhookDeliveryStore,
  InMemoryWebhookRepository,
  RecordingWebhookDeliveryQueue,
} from '../../testing/in-memory-webhooks';
import { type WebhookEventType } from '../../webhooks/webhook-event-type';
import { RELAY_BATCH_SIZE, RelayWebhookOutboxHandler } from './relay-webhook-outbox.handler';

const clock = new FixedClock();

describe(RelayWebhookOutboxHandler.name, () => {
  let store: InMemoryWebhookDeliveryStore;
  let queue: RecordingWebhookDeliveryQueue;
  let handler: RelayWebhookOutboxHandler;
  const subscribe = (id: string, eventTypes: WebhookEventType[]) =>
    store.webhooks.create({
      id,
      url: 'https://hooks.example.com/',
      eventTypes,
      description: '',
      createdAt: new Date(0),
      sealedSecret: 'sealed:whsec_x',
      createdBy: 'caller',
    });
  const emit = (count: number, type: WebhookEventType = 'instance.created') => {
    const start = store.outbox.length;
    for (let i = 0; i < count; i++) {
      const n = start + i;
      store.putEvent({ id: n.toString(16).padStart(16, '0'), type, payload: {}, createdAt: new Date(n) });
    }
  };
  const undispatched = () => store.outbox.filter((e) => e.dispatchedAt === null).length;

  beforeEach(() => {
    store = new InMemoryWebhookDeliveryStore(new InMemoryWebhookRepository());
    queue = new RecordingWebhookDeliveryQueue();
    handler = new RelayWebhookOutboxHandler(store, queue, new SequentialIdGenerator(), clock);
  });

  it('makes one delivery per subscribed webhook and event, queues each, and marks the events dispatched', async () => {
    await subscribe('00000000000000b1', ['instance.created', 'instance.failed']);
    await subscribe('00000000000000b2', ['instance.failed']);
    emit(2, 'instance.created');
    emit(1, 'instance.failed');
    emit(1, 'operation.finished');
    expect(await handler.execute()).toEqual({ events: 4, deliveries: 4 });
    expect(store.webhooks.deliveries.map((d) => [d.webhookId, d.eventType])).toEqual([
      ['00000000000000b1', 'instance.created'],
      ['00000000000000b1', 'instance.created'],
      ['00000000000000b1', 'instance.failed'],
      ['00000000000000b2', 'instance.failed'],
    ]);
    expect(queue.queued).toEqual(store.webhooks.deliveries.map((d) => d.id));
    expect(undispatched()).toBe(0);
    expect(await handler.execute()).toEqual({ events: 0, deliveries: 0 });
  });

  it('goes on while batches come back full, and stops after 20 of them', async () => {
    emit(2 * RELAY_BATCH_SIZE + 1);
    expect(await handler.execute()).toEqual({ events: 2 * RELAY_BATCH_SIZE + 1, deliveries: 0 });
    emit(20 * RELAY_BATCH_SIZE + 5);
    expect(await handler.execute()).toEqual({ events: 20 * RELAY_BATCH_SIZE, deliveries: 0 });
    expect(undispatched()).toBe(5);
  });

  it('leaves the events for the next run when the queue refuses the jobs', async () => {
    await subscribe('00000000000000b1', ['instance.created']);
    emit(3);
    queue.failWith = new Error('redis is down');
    await expect(handler.execute()).rejects.toThrow('redis is down');
    expect(undispatched()).toBe(3);
    expect(store.webhooks.deliveries).toEqual([]);
    queue.failWith = null;
    expect(await handler.execute()).toEqual({ events: 3, deliveries: 3 });
  });
});
