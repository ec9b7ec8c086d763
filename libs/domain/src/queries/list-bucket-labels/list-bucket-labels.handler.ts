import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { Label } from '../../labels/label';
import { BucketRepository, LabelRepository } from '../../ports';
import { ListBucketLabelsQuery } from './list-bucket-labels.query';

@QueryHandler(ListBucketLabelsQuery)
export class ListBucketLabelsHandler implements IQueryHandler<ListBucketLabelsQuery> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly labels: LabelRepository,
  ) {}

  async execute({ caller, bucketId }: ListBucketLabelsQuery): Promise<Label[]> {
    requireAuthenticated(caller);
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'read', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    return this.labels.listForBucket(caller.instanceId, bucket.id);
  }
}
