import { bucketEvents } from './bucket-events';

const BUCKET = { id: '00000000000000b1', orgId: '00000000000000o1' };

describe('bucketEvents', () => {
  it('names a created bucket and its retention, owned by its org', () => {
    expect(bucketEvents.added({ ...BUCKET, name: 'metrics', retentionSeconds: 3600 })).toEqual({
      aggregateType: 'bucket',
      aggregateId: BUCKET.id,
      type: 'bucket.added',
      payload: { name: 'metrics', retentionSeconds: 3600 },
      resourceOwner: BUCKET.orgId,
    });
  });

  it('records the changed fields only, as a copy', () => {
    const changes = { description: 'new', retentionSeconds: 7200 };
    const event = bucketEvents.changed(BUCKET, changes);
    expect(event).toEqual({
      aggregateType: 'bucket',
      aggregateId: BUCKET.id,
      type: 'bucket.changed',
      payload: { description: 'new', retentionSeconds: 7200 },
      resourceOwner: BUCKET.orgId,
    });
    expect(event.payload).not.toBe(changes);
  });

  it('records a removal with an empty payload', () => {
    expect(bucketEvents.removed(BUCKET)).toEqual({
      aggregateType: 'bucket',
      aggregateId: BUCKET.id,
      type: 'bucket.removed',
      payload: {},
      resourceOwner: BUCKET.orgId,
    });
  });
});
