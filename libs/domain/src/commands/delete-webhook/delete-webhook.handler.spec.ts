import { ErrorCode } from '../../errors';
import { aWebhook, InMemoryWebhookDeliveryStore, InMemoryWebhookRepository } from '../../testing/in-memory-webhooks';
import { DeleteWebhookCommand } from './delete-webhook.command';
import { DeleteWebhookHandler } from './delete-webhook.handler';

const HOOK = '00000000000000b1';
const OTHER = '00000000000000b2';

describe(DeleteWebhookHandler.name, () => {
  let webhooks: InMemoryWebhookRepository;
  let handler: DeleteWebhookHandler;

  beforeEach(async () => {
    webhooks = new InMemoryWebhookRepository();
    for (const id of [HOOK, OTHER]) await webhooks.create(aWebhook(id));
    const store = new InMemoryWebhookDeliveryStore(webhooks);
    store.putEvent({ id: '00000000000000e1', type: 'instance.created', payload: {}, createdAt: new Date(0) });
    let n = 0;
    await store.relay(
      10,
      () => `00000000000000d${++n}`,
      new Date(0),
      async () => undefined,
    );
    handler = new DeleteWebhookHandler(webhooks);
  });

  it('removes the webhook and its deliveries, and no other', async () => {
    await handler.execute(new DeleteWebhookCommand(HOOK));
    expect(webhooks.webhooks.map((w) => w.id)).toEqual([OTHER]);
    expect(webhooks.deliveries.map((d) => d.webhookId)).toEqual([OTHER]);
  });

  it('answers 404 for a second delete and for malformed ids', async () => {
    await handler.execute(new DeleteWebhookCommand(HOOK));
    for (const id of [HOOK, 'hook']) {
      await expect(handler.execute(new DeleteWebhookCommand(id))).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: `webhook ${id} not found`,
      });
    }
    expect(webhooks.webhooks).toHaveLength(1);
  });
});
