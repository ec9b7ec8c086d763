import { Query } from '@nestjs/cqrs';

import { type Bucket } from '../../buckets/bucket';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface ListBucketsParams {
  readonly org?: string;
  readonly orgID?: string;
  readonly name?: string;
  readonly id?: string;
  readonly after?: string;
  readonly descending: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface BucketPage {
  readonly buckets: Bucket[];
  readonly hasMore: boolean;
}

export class ListBucketsQuery extends Query<BucketPage> {
  constructor(
    readonly caller: TenantCaller,
    readonly params: ListBucketsParams,
  ) {
    super();
  }
}
