import { Query } from '@nestjs/cqrs';

import { type Bucket } from '../../buckets/bucket';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class GetBucketQuery extends Query<Bucket> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
  ) {
    super();
  }
}
