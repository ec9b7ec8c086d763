import { type Quota, QuotaUnit } from '../../quotas/quota';
import { FixedClock } from '../../testing/in-memory-ports';
import {
  InMemoryQuotaRepository,
  InMemoryQuotaUsageCounter,
  RecordingQuotaNotificationQueue,
} from '../../testing/in-memory-quotas';
import { ChargeTenantRequestCommand } from './charge-tenant-request.command';
import { ChargeTenantRequestHandler } from './charge-tenant-request.handler';

const INSTANCE = '00000000000000aa';
const HOUR_MS = 3600 * 1000;
// Periods of one hour from midnight; the clock stands 15 minutes into the 12:00 period.
const QUOTA: Quota = {
  id: '00000000000000d1',
  instanceId: INSTANCE,
  unit: QuotaUnit.RequestsAllAuthenticated,
  from: new Date('2025-01-15T00:00:00.000Z'),
  resetIntervalMs: HOUR_MS,
  amount: 10,
  limit: true,
  notifications: [],
};

describe(ChargeTenantRequestHandler.name, () => {
  let clock: FixedClock;
  let quotas: InMemoryQuotaRepository;
  let counter: InMemoryQuotaUsageCounter;
  let queue: RecordingQuotaNotificationQueue;
  let handler: ChargeTenantRequestHandler;
  const charge = () => handler.execute(new ChargeTenantRequestCommand(INSTANCE));
  const chargeTimes = async (n: number) => {
    for (let i = 0; i < n; i++) await charge();
  };

  beforeEach(() => {
    clock = new FixedClock(new Date('2025-01-15T12:15:00.000Z'));
    quotas = new InMemoryQuotaRepository();
    counter = new InMemoryQuotaUsageCounter();
    queue = new RecordingQuotaNotificationQueue();
    handler = new ChargeTenantRequestHandler(quotas, counter, queue, clock);
  });

  it('lets every request through and counts nothing without a quota', async () => {
    expect(await charge()).toEqual({ exhausted: false });
    expect(counter.counts.size).toBe(0);
  });

  it('counts nothing before the quota is in force', async () => {
    await quotas.add({ ...QUOTA, from: new Date('2025-01-16T00:00:00.000Z') }, new Date(0));
    expect(await charge()).toEqual({ exhausted: false });
    expect(counter.counts.size).toBe(0);
  });

  it('lets the amount through in a period, then refuses until the period ends', async () => {
    await quotas.add(QUOTA, new Date(0));
    await chargeTimes(9);
    expect(await charge()).toEqual({ exhausted: false });
    expect(await charge()).toEqual({ exhausted: true, retryAfterSeconds: 45 * 60 });
    expect([...counter.counts.values()]).toEqual([11]);
    clock.advanceSeconds(45 * 60 - 0.5);
    expect(await charge()).toEqual({ exhausted: true, retryAfterSeconds: 1 });
    clock.advanceSeconds(0.5);
    expect(await charge()).toEqual({ exhausted: false });
  });

  it('only counts past the amount when the quota does not limit', async () => {
    await quotas.add({ ...QUOTA, limit: false }, new Date(0));
    await chargeTimes(20);
    expect(await charge()).toEqual({ exhausted: false });
  });

  it('lets requests through when the counter cannot be reached', async () => {
    await quotas.add({ ...QUOTA, amount: 1 }, new Date(0));
    counter.unreachable = true;
    await chargeTimes(5);
    expect(await charge()).toEqual({ exhausted: false });
  });

  it('queues a notification when a request crosses its threshold, at each multiple when it repeats', async () => {
    await quotas.add(
      {
        ...QUOTA,
        notifications: [
          { id: '00000000000000e1', percent: 50, repeat: false, callUrl: 'https://a.example' },
          { id: '00000000000000f2', percent: 30, repeat: true, callUrl: 'https://b.example' },
        ],
      },
      new Date(0),
    );
    await chargeTimes(10);
    const periodStart = '2025-01-15T12:00:00.000Z';
    expect(queue.queued).toEqual([
      { instanceId: INSTANCE, notificationId: '00000000000000f2', periodStart, threshold: 30, usage: 3 },
      { instanceId: INSTANCE, notificationId: '00000000000000e1', periodStart, threshold: 50, usage: 5 },
      { instanceId: INSTANCE, notificationId: '00000000000000f2', periodStart, threshold: 60, usage: 6 },
      { instanceId: INSTANCE, notificationId: '00000000000000f2', periodStart, threshold: 90, usage: 9 },
    ]);
  });
});
