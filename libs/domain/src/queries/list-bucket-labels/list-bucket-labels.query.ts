import { Query } from '@nestjs/cqrs';
import { Label } from '../../labels/label';
import { TenantCaller } from '../../tenancy/tenant-caller';

export class ListBucketLabelsQuery extends Query<Label[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
  ) {
    super();
  }
}
