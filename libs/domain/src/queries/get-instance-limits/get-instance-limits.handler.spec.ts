import { ErrorCode } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { InMemoryInstanceAdminRepository } from '../../testing/in-memory-instances';
import { GetInstanceLimitsHandler } from './get-instance-limits.handler';
import { GetInstanceLimitsQuery } from './get-instance-limits.query';

const INSTANCE = '00000000000000aa';

describe(GetInstanceLimitsHandler.name, () => {
  const instances = new InMemoryInstanceAdminRepository();
  instances.put(INSTANCE);
  instances.put('00000000000000bb', InstanceState.Creating);
  instances.put('00000000000000cc', InstanceState.Stopped);
  instances.limitsOf.set(INSTANCE, { block: true, maxUsers: 5, maxOrgs: null, maxBuckets: 10 });
  const handler = new GetInstanceLimitsHandler(instances);

  it("answers a live instance's limits, and none set for one that has none", async () => {
    expect(await handler.execute(new GetInstanceLimitsQuery(INSTANCE))).toEqual({
      block: true,
      maxUsers: 5,
      maxOrgs: null,
      maxBuckets: 10,
    });
    expect(await handler.execute(new GetInstanceLimitsQuery('00000000000000bb'))).toEqual({
      block: false,
      maxUsers: null,
      maxOrgs: null,
      maxBuckets: null,
    });
  });

  it('answers 404 for a stopped, unknown or malformed instance', async () => {
    for (const id of ['00000000000000cc', '00000000000000ff', 'acme']) {
      await expect(handler.execute(new GetInstanceLimitsQuery(id))).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
  });
});
