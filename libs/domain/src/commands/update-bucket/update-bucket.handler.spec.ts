import { ErrorCode } from '../../errors';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { FixedClock } from '../../testing/in-memory-ports';
import { aBucket, goneAfterReading, INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { UpdateBucketCommand } from './update-bucket.command';
import { UpdateBucketHandler } from './update-bucket.handler';

const caller = operatorToken;
const BUCKET = aBucket({ id: '00000000000000b1', name: 'metrics' });

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
    goneAfterReading(buckets);
    await expect(handler.execute(new UpdateBucketCommand(caller, BUCKET.id, { description: 'x' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(buckets.writes).toBe(0);
  });
});
