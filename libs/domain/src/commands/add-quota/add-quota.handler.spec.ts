import { ErrorCode } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { QuotaUnit } from '../../quotas/quota';
import { type QuotaInput } from '../../quotas/quota-input';
import { InMemoryInstanceAdminRepository } from '../../testing/in-memory-instances';
import { FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import { InMemoryQuotaRepository } from '../../testing/in-memory-quotas';
import { ADDRESS_NOT_ALLOWED, LocalAddressUrlPolicy } from '../../testing/in-memory-webhooks';
import { AddQuotaCommand } from './add-quota.command';
import { AddQuotaHandler } from './add-quota.handler';

const INSTANCE = '00000000000000aa';
const NOTIFY_AT_80 = { percent: 80, callUrl: 'https://hooks.example.com/quota?key=secret' };
const INPUT: QuotaInput = {
  unit: 'UNIT_REQUESTS_ALL_AUTHENTICATED',
  from: '2025-01-01T00:00:00Z',
  resetInterval: '86400s',
  amount: '1000',
  limit: true,
  notifications: [NOTIFY_AT_80],
};

describe(AddQuotaHandler.name, () => {
  let clock: FixedClock;
  let instances: InMemoryInstanceAdminRepository;
  let quotas: InMemoryQuotaRepository;
  let handler: AddQuotaHandler;
  const add = (input: QuotaInput = INPUT, instanceId = INSTANCE) =>
    handler.execute(new AddQuotaCommand(instanceId, input, false));
  const set = (input: QuotaInput = INPUT) => handler.execute(new AddQuotaCommand(INSTANCE, input, true));

  beforeEach(() => {
    clock = new FixedClock();
    instances = new InMemoryInstanceAdminRepository();
    instances.put(INSTANCE);
    quotas = new InMemoryQuotaRepository();
    handler = new AddQuotaHandler(instances, quotas, new SequentialIdGenerator(), clock, new LocalAddressUrlPolicy());
  });

  it('adds the checked quota with new ids and answers its details; the event keeps no call URL', async () => {
    expect(await add()).toEqual({
      sequence: '1',
      creationDate: clock.now(),
      changeDate: clock.now(),
      resourceOwner: INSTANCE,
    });
    expect(quotas.quotas).toEqual([
      {
        id: '0000000000000001',
        instanceId: INSTANCE,
        unit: QuotaUnit.RequestsAllAuthenticated,
        from: new Date('2025-01-01T00:00:00Z'),
        resetIntervalMs: 86_400_000,
        amount: 1000,
        limit: true,
        notifications: [
          { id: '0000000000000002', percent: 80, repeat: false, callUrl: 'https://hooks.example.com/quota?key=secret' },
        ],
      },
    ]);
    expect(JSON.stringify(quotas.events)).not.toContain('hooks.example.com');
  });

  it('refuses a second AddQuota of the same unit with ALREADY_EXISTS', async () => {
    await add();
    await expect(add({ ...INPUT, amount: 5 })).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
    expect(quotas.quotas).toEqual([expect.objectContaining({ amount: 1000 })]);
  });

  it('SetQuota creates, then replaces keeping the quota id, and changes nothing when nothing changed', async () => {
    const created = await set();
    clock.advanceSeconds(60);
    expect(await set()).toEqual(created);
    expect(quotas.events).toHaveLength(1);
    const replaced = await set({ ...INPUT, amount: 2000 });
    expect(replaced).toEqual({ ...created, sequence: '2', changeDate: clock.now() });
    expect(quotas.quotas).toEqual([expect.objectContaining({ id: '0000000000000001', amount: 2000 })]);
    expect(quotas.events.map((e) => e.type)).toEqual(['quota.set', 'quota.set']);
  });

  it('refuses a notification to a local address with 400 naming the field, before storing anything', async () => {
    await expect(
      add({ ...INPUT, notifications: [NOTIFY_AT_80, { percent: 100, callUrl: 'http://127.0.0.1/x' }] }),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      fieldViolations: [{ field: 'notifications[1].callUrl', description: ADDRESS_NOT_ALLOWED }],
    });
    expect(quotas.quotas).toEqual([]);
  });

  it.each([
    ['the actions unit', { unit: 'UNIT_ACTIONS_ALL_RUN_SECONDS' }, 'unit'],
    ['a period under a minute', { resetInterval: '59s' }, 'resetInterval'],
    ['an amount of 0', { amount: 0 }, 'amount'],
  ])('refuses %s with 400', async (_, change, field) => {
    await expect(add({ ...INPUT, ...change })).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      fieldViolations: [expect.objectContaining({ field })],
    });
  });

  it('answers 404 for an unknown, stopped or malformed instance', async () => {
    instances.put('00000000000000bb', InstanceState.Stopped);
    for (const id of ['00000000000000ff', '00000000000000bb', 'acme']) {
      await expect(add(INPUT, id)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
    expect(quotas.quotas).toEqual([]);
  });
});
