import {
  type Clock,
  type DeliveryTarget,
  SecretSealer,
  WebhookDeliveryStore,
  type WebhookRequest,
  type WebhookResponse,
  WebhookSender,
} from '../../ports';
import { type DeliveryAttempt, DeliveryStatus } from '../../webhooks/webhook-delivery';
import { newWebhookSecret, verifyWebhook } from '../../webhooks/webhook-signature';
import { DeliverWebhookCommand } from './deliver-webhook.command';
import { DeliverWebhookHandler } from './deliver-webhook.handler';

const NOW = new Date('2026-03-01T12:00:00Z');
const SECRET = newWebhookSecret();

class FakeStore extends WebhookDeliveryStore {
  recorded: { attempt: Omit<DeliveryAttempt, 'attempt'>; status: DeliveryStatus }[] = [];
  constructor(public target: DeliveryTarget | null) {
    super();
  }
  relay(): never {
    throw new Error('not used');
  }
  async findTarget(): Promise<DeliveryTarget | null> {
    return this.target;
  }
  async recordAttempt(_id: string, attempt: Omit<DeliveryAttempt, 'attempt'>, status: DeliveryStatus): Promise<void> {
    this.recorded.push({ attempt, status });
  }
}

class FakeSender extends WebhookSender {
  requests: WebhookRequest[] = [];
  constructor(private readonly answer: WebhookResponse) {
    super();
  }
  async post(request: WebhookRequest): Promise<WebhookResponse> {
    this.requests.push(request);
    return this.answer;
  }
}

/** Seals by prefixing: enough to tell an opened secret from a sealed one. */
class FakeSealer extends SecretSealer {
  seal(plaintext: string): string {
    return `sealed:${plaintext}`;
  }
  open(sealed: string): string {
    if (!sealed.startsWith('sealed:')) throw new Error('wrong key');
    return sealed.slice('sealed:'.length);
  }
}

const clock: Clock = { now: () => NOW };

function target(overrides: Partial<DeliveryTarget> = {}): DeliveryTarget {
  return {
    deliveryId: 'd000000000000001',
    status: DeliveryStatus.Pending,
    url: 'https://hooks.example.com/in',
    sealedSecret: `sealed:${SECRET}`,
    event: {
      id: 'e000000000000001',
      type: 'instance.created',
      payload: { instanceId: 'i000000000000001', operationId: 'o000000000000001' },
      createdAt: NOW,
    },
    ...overrides,
  };
}

function run(t: DeliveryTarget | null, answer: WebhookResponse, finalAttempt = false) {
  const store = new FakeStore(t);
  const sender = new FakeSender(answer);
  const handler = new DeliverWebhookHandler(store, sender, new FakeSealer(), clock);
  return { store, sender, result: handler.execute(new DeliverWebhookCommand('d000000000000001', finalAttempt)) };
}

describe(DeliverWebhookHandler.name, () => {
  it('posts the signed event and records a success on 2xx', async () => {
    const { store, sender, result } = run(target(), { status: 204 });
    expect(await result).toBe(DeliveryStatus.Succeeded);
    const [request] = sender.requests;
    expect(JSON.parse(request.body)).toEqual({
      type: 'instance.created',
      timestamp: NOW.toISOString(),
      data: { instanceId: 'i000000000000001', operationId: 'o000000000000001' },
    });
    expect(request.headers['webhook-id']).toBe('e000000000000001');
    expect(request.timeoutMs).toBe(10_000);
    const headers = {
      id: request.headers['webhook-id'],
      timestamp: request.headers['webhook-timestamp'],
      signature: request.headers['webhook-signature'],
    };
    expect(verifyWebhook(SECRET, headers, request.body, NOW.getTime() / 1000)).toBe(true);
    expect(store.recorded).toEqual([
      {
        status: DeliveryStatus.Succeeded,
        attempt: expect.objectContaining({ succeeded: true, responseStatus: 204, error: null }),
      },
    ]);
  });

  it('leaves the delivery pending on a 500 and fails it on the last attempt', async () => {
    const retry = run(target(), { status: 500 });
    expect(await retry.result).toBe(DeliveryStatus.Pending);
    expect(retry.store.recorded[0].attempt).toMatchObject({
      succeeded: false,
      responseStatus: 500,
      error: 'receiver answered HTTP 500',
    });

    const last = run(target(), { status: 500 }, true);
    expect(await last.result).toBe(DeliveryStatus.Failed);
  });

  it('records why no answer came', async () => {
    const { store, result } = run(target(), { status: null, error: 'no answer within 10 s' });
    expect(await result).toBe(DeliveryStatus.Pending);
    expect(store.recorded[0].attempt).toMatchObject({ responseStatus: null, error: 'no answer within 10 s' });
  });

  it('sends nothing and records a failed attempt when the secret cannot be opened', async () => {
    const { store, sender, result } = run(target({ sealedSecret: 'sealed-with-another-key' }), { status: 200 });
    expect(await result).toBe(DeliveryStatus.Pending);
    expect(sender.requests).toHaveLength(0);
    expect(store.recorded[0].attempt.error).toContain('could not be opened');
  });

  it('does nothing for a delivery that is gone or already finished', async () => {
    expect(await run(null, { status: 200 }).result).toBeNull();
    const done = run(target({ status: DeliveryStatus.Succeeded }), { status: 200 });
    expect(await done.result).toBeNull();
    expect(done.sender.requests).toHaveLength(0);
  });
});
