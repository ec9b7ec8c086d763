import { ErrorCode } from '../../errors';
import { aWebhook, InMemoryWebhookDeliveryStore, InMemoryWebhookRepository } from '../../testing/in-memory-webhooks';
import { ListWebhookDeliveriesHandler } from './list-webhook-deliveries.handler';
import { ListWebhookDeliveriesQuery, MAX_DELIVERY_LIMIT } from './list-webhook-deliveries.query';

const HOOK = '00000000000000b1';

describe(ListWebhookDeliveriesHandler.name, () => {
  const webhooks = new InMemoryWebhookRepository();
  const handler = new ListWebhookDeliveriesHandler(webhooks);

  beforeAll(async () => {
    await webhooks.create(aWebhook(HOOK));
    const store = new InMemoryWebhookDeliveryStore(webhooks);
    for (let i = 1; i <= 3; i++) {
      store.putEvent({ id: `00000000000000e${i}`, type: 'instance.created', payload: {}, createdAt: new Date(i) });
      await store.relay(
        1,
        () => `00000000000000d${i}`,
        new Date(i * 1000),
        async () => undefined,
      );
    }
  });

  it('lists the deliveries newest first, as many as asked', async () => {
    const ids = async (limit?: number) =>
      (await handler.execute(new ListWebhookDeliveriesQuery(HOOK, limit))).map((d) => d.id);
    expect(await ids()).toEqual(['00000000000000d3', '00000000000000d2', '00000000000000d1']);
    expect(await ids(2)).toEqual(['00000000000000d3', '00000000000000d2']);
  });

  it.each([0, MAX_DELIVERY_LIMIT + 1, 1.5, Number.NaN])('refuses the limit %p with 400', async (limit) => {
    await expect(handler.execute(new ListWebhookDeliveriesQuery(HOOK, limit))).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      fieldViolations: [expect.objectContaining({ field: 'limit' })],
    });
  });

  it('answers 404 for an unknown or malformed webhook id', async () => {
    for (const id of ['00000000000000ff', 'hook']) {
      await expect(handler.execute(new ListWebhookDeliveriesQuery(id))).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
    }
  });
});
