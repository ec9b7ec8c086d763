import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { Bucket } from '../../buckets/bucket';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { BucketRepository } from '../../ports';
import { GetBucketQuery } from './get-bucket.query';

@QueryHandler(GetBucketQuery)
export class GetBucketHandler implements IQueryHandler<GetBucketQuery> {
  constructor(private readonly buckets: BucketRepository) {}

  async execute({ caller, bucketId }: GetBucketQuery): Promise<Bucket> {
    requireAuthenticated(caller);
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'read', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    return bucket;
  }
}
