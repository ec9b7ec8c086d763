import { type Bucket, type SchemaType } from '../buckets/bucket';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

/** Which buckets a caller may see: all of the instance, or those of some orgs, or some single buckets. */
export interface BucketVisibility {
  readonly all: boolean;
  readonly orgIds: readonly Id[];
  /** Single buckets, each only while it belongs to `orgId` (null: in whichever org). */
  readonly buckets: readonly { readonly id: Id; readonly orgId: Id | null }[];
}

export interface BucketFilter {
  readonly orgId?: Id;
  readonly name?: string;
  readonly id?: Id;
  readonly after?: Id;
  readonly descending: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface NewBucket {
  readonly id: Id;
  readonly orgId: Id;
  readonly name: string;
  readonly description: string;
  readonly retentionSeconds: number;
  readonly shardGroupDurationSeconds: number;
  readonly schemaType: SchemaType;
  readonly rp: string;
  /** The caller's user, made owner of the bucket; null for tokens without a user. */
  readonly ownerId: Id | null;
}

export interface BucketChanges {
  readonly name?: string;
  readonly description?: string;
  readonly retentionSeconds?: number;
  readonly shardGroupDurationSeconds?: number;
}

/** Buckets of one instance each call; writes store the events the domain planned in the same transaction. */
export abstract class BucketRepository {
  /** Filters and permission scope apply before paging, so pages are full. */
  abstract list(instanceId: Id, visibility: BucketVisibility, filter: BucketFilter): Promise<Bucket[]>;
  abstract find(instanceId: Id, bucketId: Id): Promise<Bucket | null>;
  abstract orgIdByName(instanceId: Id, orgName: string): Promise<Id | null>;
  abstract orgExists(instanceId: Id, orgId: Id): Promise<boolean>;
  /**
   * Checks the instance's bucket quota (PERMISSION_DENIED) and name uniqueness in the org (CONFLICT) in the same
   * transaction as the insert; writes nothing when either refuses.
   */
  abstract create(instanceId: Id, bucket: NewBucket, event: PlannedEvent, at: Date): Promise<Bucket>;
  /** null when the bucket does not exist (any more), and then no event; CONFLICT when the new name is taken. */
  abstract update(
    instanceId: Id,
    bucketId: Id,
    changes: BucketChanges,
    event: PlannedEvent,
    at: Date,
  ): Promise<Bucket | null>;
  /** Removes the bucket with its label and member mappings; false (and no event) when it did not exist. */
  abstract delete(instanceId: Id, bucketId: Id, event: PlannedEvent, at: Date): Promise<boolean>;
}
