import { ErrorCode } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { QuotaUnit } from '../../quotas/quota';
import { InMemoryInstanceAdminRepository } from '../../testing/in-memory-instances';
import { FixedClock } from '../../testing/in-memory-ports';
import { InMemoryQuotaRepository } from '../../testing/in-memory-quotas';
import { RemoveQuotaCommand } from './remove-quota.command';
import { RemoveQuotaHandler } from './remove-quota.handler';

const INSTANCE = '00000000000000aa';
const QUOTA = {
  id: '00000000000000d1',
  instanceId: INSTANCE,
  unit: QuotaUnit.RequestsAllAuthenticated,
  from: new Date(0),
  resetIntervalMs: 60_000,
  amount: 10,
  limit: false,
  notifications: [],
};

describe(RemoveQuotaHandler.name, () => {
  let clock: FixedClock;
  let instances: InMemoryInstanceAdminRepository;
  let quotas: InMemoryQuotaRepository;
  let handler: RemoveQuotaHandler;
  const remove = (unit: string, instanceId = INSTANCE) => handler.execute(new RemoveQuotaCommand(instanceId, unit));

  beforeEach(async () => {
    clock = new FixedClock();
    instances = new InMemoryInstanceAdminRepository();
    instances.put(INSTANCE);
    quotas = new InMemoryQuotaRepository();
    await quotas.add(QUOTA, new Date(0));
    handler = new RemoveQuotaHandler(instances, quotas, clock);
  });

  it("removes the unit's quota and answers its details; a second removal is 404, as in ZITADEL", async () => {
    expect(await remove('UNIT_REQUESTS_ALL_AUTHENTICATED')).toEqual({
      sequence: '2',
      creationDate: new Date(0),
      changeDate: clock.now(),
      resourceOwner: INSTANCE,
    });
    expect(quotas.quotas).toEqual([]);
    await expect(remove('UNIT_REQUESTS_ALL_AUTHENTICATED')).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: `instance ${INSTANCE} has no quota of UNIT_REQUESTS_ALL_AUTHENTICATED`,
    });
  });

  it('takes the unit by its enum number, as a path carries it', async () => {
    await remove('1');
    expect(quotas.quotas).toEqual([]);
  });

  it.each(['2', 'UNIT_ACTIONS_ALL_RUN_SECONDS', 'requests'])('refuses the unit %p with 400', async (unit) => {
    await expect(remove(unit)).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    expect(quotas.quotas).toHaveLength(1);
  });

  it('answers 404 for an unknown or stopped instance', async () => {
    instances.put('00000000000000bb', InstanceState.Stopped);
    await expect(remove('1', '00000000000000bb')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(remove('1', '00000000000000ff')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
