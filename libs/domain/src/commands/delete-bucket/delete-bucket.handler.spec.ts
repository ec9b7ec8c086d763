import { type Bucket } from '../../buckets/bucket';
import { ErrorCode } from '../../errors';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { FixedClock } from '../../testing/in-memory-ports';
import { aBucket, goneAfterReading, INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { DeleteBucketCommand } from './delete-bucket.command';
import { DeleteBucketHandler } from './delete-bucket.handler';

const caller = operatorToken;
const bucket = (id: string, type: Bucket['type']): Bucket => aBucket({ id, type });

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
    goneAfterReading(buckets);
    await expect(handler.execute(new DeleteBucketCommand(caller, '00000000000000b1'))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(buckets.writes).toBe(0);
  });
});
