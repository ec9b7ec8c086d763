import { ErrorCode } from '../../errors';
import { InMemoryWebhookRepository } from '../../testing/in-memory-webhooks';
import { GetWebhookHandler } from './get-webhook.handler';
import { GetWebhookQuery } from './get-webhook.query';

const HOOK = '00000000000000b1';

describe(GetWebhookHandler.name, () => {
  const webhooks = new InMemoryWebhookRepository();
  const handler = new GetWebhookHandler(webhooks);

  beforeAll(() =>
    webhooks.create({
      id: HOOK,
      url: 'https://hooks.example.com/',
      eventTypes: ['instance.created'],
      description: 'ops',
      createdAt: new Date(0),
      sealedSecret: 'sealed:whsec_x',
      createdBy: 'caller',
    }),
  );

  it('answers the webhook without its secret', async () => {
    const webhook = await handler.execute(new GetWebhookQuery(HOOK));
    expect(webhook).toEqual({
      id: HOOK,
      url: 'https://hooks.example.com/',
      eventTypes: ['instance.created'],
      description: 'ops',
      createdAt: new Date(0),
    });
    expect(JSON.stringify(webhook)).not.toContain('whsec');
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['00000000000000ff', 'hook']) {
      await expect(handler.execute(new GetWebhookQuery(id))).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
  });
});
