import { operatorPermissions } from '../../authorization/permission';
import { type Bucket } from '../../buckets/bucket';
import { ErrorCode } from '../../errors';
import { type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryBucketRepository } from '../../testing/in-memory-content';
import { FixedClock } from '../../testing/in-memory-ports';
import { UpdateBucketCommand } from './update-bucket.command';
import { UpdateBucketHandler } from './update-bucket.handler';

const INSTANCE = '00000000000000aa';
const caller: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'token',
  user: null,
  tokenId: '00000000000000f1',
  sessionId: null,
  permissions: operatorPermissions(),
};
const BUCKET: Bucket = {
  id: '00000000000000b1',
  orgId: '00000000000000a2',
  name: 'metrics',
  description: '',
  type: 'user',
  retentionSeconds: 0,
  shardGroupDurationSeconds: 604800,
  schemaType: 'implicit',
  rp: '0',
  labels: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe(UpdateBucketHandler.name, () => {
  let buckets: InMemoryBucketRepository;
  let handler: UpdateBucketHandler;

  beforeEach(() => {
    buckets = new InMemoryBucketRepository();
    buckets.put(INSTANCE, BUCKET);
    handler = new UpdateBucketHandler(buckets, new FixedClock());
  });

  it('plans bucket.changed with the fields that change, owned by the org', async () => {
    const updated = await handler.execute(
      new UpdateBucketCommand(caller, BUCKET.id, { name: 'metrics', description: 'all of them' }),
    );
    expect(updated.description).toBe('all of them');
    expect(buckets.events).toEqual([
      {
        aggregateType: 'bucket',
        aggregateId: BUCKET.id,
        type: 'bucket.changed',
        payload: { description: 'all of them' },
        resourceOwner: BUCKET.orgId,
      },
    ]);
  });

  it('answers 404 when the bucket went between reading and writing', async () => {
    const find = buckets.find.bind(buckets);
    buckets.find = async (instanceId, bucketId) => {
      const found = await find(instanceId, bucketId);
      buckets.rows.splice(0);
      return found;
    };
    await expect(handler.execute(new UpdateBucketCommand(caller, BUCKET.id, { description: 'x' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(buckets.writes).toBe(0);
  });
});
