import { ErrorCode } from '../../errors';
import { type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import { INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { CreateBucketCommand } from './create-bucket.command';
import { CreateBucketHandler } from './create-bucket.handler';

const ORG = '00000000000000a2';
const caller: TenantCaller = { ...operatorToken, user: { id: '00000000000000a9', name: 'robot', status: 'active' } };

describe(CreateBucketHandler.name, () => {
  let buckets: InMemoryBucketRepository;
  let handler: CreateBucketHandler;

  beforeEach(() => {
    buckets = new InMemoryBucketRepository();
    buckets.orgs.put(INSTANCE, { id: ORG, name: 'acme' });
    handler = new CreateBucketHandler(buckets, new SequentialIdGenerator(), new FixedClock());
  });

  it('plans bucket.added with the name and retention, owned by the org', async () => {
    const bucket = await handler.execute(
      new CreateBucketCommand(caller, {
        orgID: ORG,
        name: 'metrics',
        retentionRules: [{ type: 'expire', everySeconds: 7200 }],
      }),
    );
    expect(buckets.events).toEqual([
      {
        aggregateType: 'bucket',
        aggregateId: bucket.id,
        type: 'bucket.added',
        payload: { name: 'metrics', retentionSeconds: 7200 },
        resourceOwner: ORG,
      },
    ]);
  });

  it('writes nothing for an org of another instance', async () => {
    const elsewhere = { ...caller, instanceId: '00000000000000bb' };
    await expect(handler.execute(new CreateBucketCommand(elsewhere, { orgID: ORG, name: 'x' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(buckets.writes).toBe(0);
  });
});
