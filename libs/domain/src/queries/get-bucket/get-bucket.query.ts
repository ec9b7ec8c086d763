import { Query } from '@nestjs/cqrs';
import { Bucket } from '../../buckets/bucket';
import { TenantCaller } from '../../tenancy/tenant-caller';

export class GetBucketQuery extends Query<Bucket> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
  ) {
    super();
  }
}
