import { ErrorCode } from '../../errors';
import { FakeSecretSealer, FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import {
  ADDRESS_NOT_ALLOWED,
  InMemoryWebhookRepository,
  LocalAddressUrlPolicy,
} from '../../testing/in-memory-webhooks';
import { CreateWebhookCommand } from './create-webhook.command';
import { CreateWebhookHandler } from './create-webhook.handler';

describe(CreateWebhookHandler.name, () => {
  const clock = new FixedClock();
  const sealer = new FakeSecretSealer();
  let webhooks: InMemoryWebhookRepository;
  let handler: CreateWebhookHandler;
  const create = (input: CreateWebhookCommand['input']) => handler.execute(new CreateWebhookCommand(input, 'caller-1'));

  beforeEach(() => {
    webhooks = new InMemoryWebhookRepository();
    handler = new CreateWebhookHandler(
      webhooks,
      new SequentialIdGenerator(),
      sealer,
      clock,
      new LocalAddressUrlPolicy(),
    );
  });

  it('stores the webhook with its secret sealed, and shows the secret this once', async () => {
    const created = await create({
      url: ' https://hooks.example.com ',
      eventTypes: ['instance.created', 'operation.finished', 'instance.created'],
    });
    const webhook = {
      id: '0000000000000001',
      url: 'https://hooks.example.com/',
      eventTypes: ['instance.created', 'operation.finished'],
      description: '',
      createdAt: clock.now(),
    };
    expect(created).toEqual({ webhook, secret: expect.stringMatching(/^whsec_/) });
    expect(webhooks.webhooks).toEqual([{ ...webhook, sealedSecret: expect.any(String), createdBy: 'caller-1' }]);
    expect(webhooks.webhooks[0].sealedSecret).not.toContain(created.secret);
    expect(sealer.open(webhooks.webhooks[0].sealedSecret)).toBe(created.secret);
    expect(await webhooks.findById(webhook.id)).toEqual(webhook);
  });

  it('gives each webhook its own secret', async () => {
    const a = await create({ url: 'https://a.example', eventTypes: ['instance.created'] });
    const b = await create({ url: 'https://b.example', eventTypes: ['instance.created'] });
    expect(a.secret).not.toBe(b.secret);
  });

  it('refuses a receiver on a local address with 400, storing nothing', async () => {
    await expect(create({ url: 'http://localhost:9000/hook', eventTypes: ['instance.created'] })).rejects.toMatchObject(
      {
        code: ErrorCode.InvalidArgument,
        fieldViolations: [{ field: 'url', description: ADDRESS_NOT_ALLOWED }],
      },
    );
    expect(webhooks.webhooks).toEqual([]);
  });

  it.each([
    ['no URL', { eventTypes: ['instance.created'] }, 'url'],
    ['a mailto URL', { url: 'mailto:ops@example.com', eventTypes: ['instance.created'] }, 'url'],
    ['no event type', { url: 'https://a.example', eventTypes: [] }, 'eventTypes'],
    ['an unknown event type', { url: 'https://a.example', eventTypes: ['user.created'] }, 'eventTypes'],
  ])('refuses %s with 400 naming the field', async (_, input, field) => {
    await expect(create(input)).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      fieldViolations: [expect.objectContaining({ field })],
    });
    expect(webhooks.webhooks).toEqual([]);
  });
});
