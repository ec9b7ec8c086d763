import { type Id } from '../shared/id';

export type BucketRole = 'member' | 'owner';

export interface BucketMember {
  readonly id: Id;
  readonly name: string;
  readonly status: 'active' | 'inactive';
  readonly role: BucketRole;
}

export abstract class BucketMemberRepository {
  abstract list(instanceId: Id, bucketId: Id, role: BucketRole): Promise<BucketMember[]>;
  abstract userExists(instanceId: Id, userId: Id): Promise<boolean>;
  /** CONFLICT when the user holds that role on the bucket already; another role is replaced (one role per user). */
  abstract add(instanceId: Id, bucketId: Id, userId: Id, role: BucketRole, at: Date): Promise<BucketMember>;
  /** false when the user did not hold that role. */
  abstract remove(instanceId: Id, bucketId: Id, userId: Id, role: BucketRole, at: Date): Promise<boolean>;
}
