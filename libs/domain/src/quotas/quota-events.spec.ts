import { type Quota, QuotaUnit } from './quota';
import { quotaEvents } from './quota-events';

const QUOTA: Quota = {
  id: 'q000000000000001',
  instanceId: '1111111111111111',
  unit: QuotaUnit.RequestsAllAuthenticated,
  from: new Date('2026-01-01T00:00:00.000Z'),
  resetIntervalMs: 3_600_000,
  amount: 100,
  limit: true,
  notifications: [
    { id: 'n000000000000001', percent: 80, repeat: false, callUrl: 'https://user:secret@hooks.example/q' },
  ],
};

describe('quotaEvents', () => {
  it('added and set keep the configuration without any call URL', () => {
    const payload = {
      unit: 'UNIT_REQUESTS_ALL_AUTHENTICATED',
      from: '2026-01-01T00:00:00.000Z',
      resetIntervalMs: 3_600_000,
      amount: 100,
      limit: true,
      notifications: [{ id: 'n000000000000001', percent: 80, repeat: false }],
    };
    const owned = { aggregateType: 'quota', resourceOwner: QUOTA.instanceId };
    expect(quotaEvents.added(QUOTA)).toEqual({ ...owned, aggregateId: QUOTA.id, type: 'quota.added', payload });
    expect(quotaEvents.set('q000000000000000', QUOTA)).toEqual({
      ...owned,
      aggregateId: 'q000000000000000',
      type: 'quota.set',
      payload,
    });
    expect(JSON.stringify([quotaEvents.added(QUOTA), quotaEvents.set(QUOTA.id, QUOTA)])).not.toContain('secret');
  });

  it('removed names the unit; notified carries the body it is given', () => {
    expect(quotaEvents.removed(QUOTA.instanceId, QUOTA.id, QUOTA.unit)).toMatchObject({
      aggregateId: QUOTA.id,
      type: 'quota.removed',
      payload: { unit: QUOTA.unit },
      resourceOwner: QUOTA.instanceId,
    });
    expect(quotaEvents.notified(QUOTA.instanceId, QUOTA.id, { threshold: 80, usage: 80 })).toMatchObject({
      type: 'quota.notified',
      payload: { threshold: 80, usage: 80 },
    });
  });
});
