import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Bucket } from './bucket';

type BucketIdentity = Pick<Bucket, 'id' | 'orgId'>;

/**
 * Events of buckets created, changed and deleted through the tenant API; their resource owner is the bucket's org.
 * (Buckets an instance, org or onboarding plan creates record `orgEvents.bucketAdded`, which also names the type.)
 */
export const bucketEvents = {
  added: (bucket: BucketIdentity & Pick<Bucket, 'name' | 'retentionSeconds'>): PlannedEvent => ({
    aggregateType: 'bucket',
    aggregateId: bucket.id,
    type: 'bucket.added',
    payload: { name: bucket.name, retentionSeconds: bucket.retentionSeconds },
    resourceOwner: bucket.orgId,
  }),
  /** `changes` are the fields the request changed, as stored. */
  changed: (bucket: BucketIdentity, changes: Record<string, unknown>): PlannedEvent => ({
    aggregateType: 'bucket',
    aggregateId: bucket.id,
    type: 'bucket.changed',
    payload: { ...changes },
    resourceOwner: bucket.orgId,
  }),
  removed: (bucket: BucketIdentity): PlannedEvent => ({
    aggregateType: 'bucket',
    aggregateId: bucket.id,
    type: 'bucket.removed',
    payload: {},
    resourceOwner: bucket.orgId,
  }),
};
