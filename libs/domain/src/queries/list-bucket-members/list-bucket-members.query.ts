import { Query } from '@nestjs/cqrs';

import { type BucketMember, type BucketRole } from '../../ports/bucket-member-repository.port';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class ListBucketMembersQuery extends Query<BucketMember[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly role: BucketRole,
  ) {
    super();
  }
}
