import { type Quota, QuotaUnit } from '../../quotas/quota';
import { type DueQuotaNotification } from '../../quotas/quota-ports';
import { FixedClock } from '../../testing/in-memory-ports';
import { InMemoryQuotaRepository } from '../../testing/in-memory-quotas';
import { RecordingWebhookSender } from '../../testing/in-memory-webhooks';
import { WEBHOOK_TIMEOUT_MS } from '../../webhooks/webhook-delivery';
import { SendQuotaNotificationCommand } from './send-quota-notification.command';
import { SendQuotaNotificationHandler } from './send-quota-notification.handler';

const INSTANCE = '00000000000000aa';
const NOTIFICATION = '00000000000000e1';
const CALL_URL = 'https://hooks.example.com/quota?key=secret';
const QUOTA: Quota = {
  id: '00000000000000d1',
  instanceId: INSTANCE,
  unit: QuotaUnit.RequestsAllAuthenticated,
  from: new Date(0),
  resetIntervalMs: 3600_000,
  amount: 10,
  limit: false,
  notifications: [{ id: NOTIFICATION, percent: 50, repeat: false, callUrl: CALL_URL }],
};
const DUE: DueQuotaNotification = {
  instanceId: INSTANCE,
  notificationId: NOTIFICATION,
  periodStart: '2025-01-15T12:00:00.000Z',
  threshold: 50,
  usage: 5,
};

describe(SendQuotaNotificationHandler.name, () => {
  let quotas: InMemoryQuotaRepository;
  let sender: RecordingWebhookSender;
  let handler: SendQuotaNotificationHandler;
  const send = (due = DUE) => handler.execute(new SendQuotaNotificationCommand(due));
  const notified = () => quotas.events.filter((e) => e.type === 'quota.notified');

  beforeEach(async () => {
    quotas = new InMemoryQuotaRepository();
    await quotas.add(QUOTA, new Date(0));
    sender = new RecordingWebhookSender({ status: 204 });
    handler = new SendQuotaNotificationHandler(quotas, sender, new FixedClock());
  });

  it("posts ZITADEL's notification body and records that it was sent, without the call URL", async () => {
    expect(await send()).toBe(true);
    expect(sender.requests).toEqual([
      expect.objectContaining({
        url: CALL_URL,
        headers: { 'content-type': 'application/json' },
        timeoutMs: WEBHOOK_TIMEOUT_MS,
      }),
    ]);
    expect(sender.bodies()).toEqual([
      { unit: 1, id: NOTIFICATION, callURL: CALL_URL, periodStart: DUE.periodStart, threshold: 50, usage: 5 },
    ]);
    expect(notified()).toEqual([
      expect.objectContaining({
        quotaId: QUOTA.id,
        payload: { unit: 1, id: NOTIFICATION, periodStart: DUE.periodStart, threshold: 50, usage: 5 },
      }),
    ]);
    expect(JSON.stringify(quotas.events)).not.toContain('hooks.example.com');
  });

  it('drops a notification whose quota was removed or replaced since: done, nothing sent', async () => {
    await quotas.remove(INSTANCE, QuotaUnit.RequestsAllAuthenticated, new Date(0));
    expect(await send()).toBe(true);
    expect(sender.requests).toEqual([]);
  });

  it.each([
    ['a 500', { status: 500 }],
    ['a redirect', { status: 302 }],
    ['no answer', { status: null, error: 'timeout' }],
  ] as const)('answers false (retry) on %s and records nothing', async (_, answer) => {
    sender.answer = answer;
    expect(await send()).toBe(false);
    expect(notified()).toEqual([]);
  });
});
