import { operatorPermissions } from '../../authorization/permission';
import { type Bucket } from '../../buckets/bucket';
import { ErrorCode } from '../../errors';
import { type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryBucketRepository } from '../../testing/in-memory-content';
import { FixedClock } from '../../testing/in-memory-ports';
import { DeleteBucketCommand } from './delete-bucket.command';
import { DeleteBucketHandler } from './delete-bucket.handler';

const INSTANCE = '00000000000000aa';
const caller: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'token',
  user: null,
  tokenId: '00000000000000f1',
  sessionId: null,
  permissions: operatorPermissions(),
};
const bucket = (id: string, type: Bucket['type']): Bucket => ({
  id,
  orgId: '00000000000000a2',
  name: `bucket ${id}`,
  description: '',
  type,
  retentionSeconds: 0,
  shardGroupDurationSeconds: 604800,
  schemaType: 'implicit',
  rp: '0',
  labels: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe(DeleteBucketHandler.name, () => {
  let buckets: InMemoryBucketRepository;
  let handler: DeleteBucketHandler;

  beforeEach(() => {
    buckets = new InMemoryBucketRepository();
    buckets.put(INSTANCE, bucket('00000000000000b1', 'user'));
    buckets.put(INSTANCE, bucket('00000000000000b2', 'system'));
    handler = new DeleteBucketHandler(buckets, new FixedClock());
  });

  it('plans bucket.removed, owned by the org', async () => {
    await handler.execute(new DeleteBucketCommand(caller, '00000000000000b1'));
    expect(buckets.rows.map((b) => b.id)).toEqual(['00000000000000b2']);
    expect(buckets.events).toEqual([
      {
        aggregateType: 'bucket',
        aggregateId: '00000000000000b1',
        type: 'bucket.removed',
        payload: {},
        resourceOwner: '00000000000000a2',
      },
    ]);
  });

  it('keeps system buckets and writes nothing', async () => {
    await expect(handler.execute(new DeleteBucketCommand(caller, '00000000000000b2'))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
    expect(buckets.writes).toBe(0);
  });

  it('answers 404 when the bucket went between reading and deleting', async () => {
    const find = buckets.find.bind(buckets);
    buckets.find = async (instanceId, bucketId) => {
      const found = await find(instanceId, bucketId);
      buckets.rows.splice(0);
      return found;
    };
    await expect(handler.execute(new DeleteBucketCommand(caller, '00000000000000b1'))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(buckets.writes).toBe(0);
  });
});
