import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { Bucket } from '../../buckets/bucket';
import { DomainError } from '../../errors';
import { BucketRepository } from '../../ports';
import { isId } from '../../shared/id';
import { TenantCaller } from '../../tenancy/tenant-caller';
import { GetBucketQuery } from './get-bucket.query';

/** A bucket of the caller's instance, or 404 whatever the reason it is not there (another instance's id included). */
export async function findBucketOrThrow(
  buckets: BucketRepository,
  caller: TenantCaller,
  bucketId: string,
): Promise<Bucket> {
  const bucket = isId(bucketId) ? await buckets.find(caller.instanceId, bucketId) : null;
  if (!bucket) throw DomainError.notFound('bucket not found');
  return bucket;
}

@QueryHandler(GetBucketQuery)
export class GetBucketHandler implements IQueryHandler<GetBucketQuery> {
  constructor(private readonly buckets: BucketRepository) {}

  async execute({ caller, bucketId }: GetBucketQuery): Promise<Bucket> {
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'read', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    return bucket;
  }
}
