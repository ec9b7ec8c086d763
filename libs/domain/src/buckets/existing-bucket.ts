import { DomainError } from '../errors';
import { type BucketRepository } from '../ports';
import { isId } from '../shared/id';
import { type TenantCaller } from '../tenancy/tenant-caller';
import { type Bucket } from './bucket';

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
