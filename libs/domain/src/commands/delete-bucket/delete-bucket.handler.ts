import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { bucketEvents } from '../../buckets/bucket-events';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { DomainError } from '../../errors';
import { BucketRepository, Clock } from '../../ports';
import { DeleteBucketCommand } from './delete-bucket.command';

/** Deleting a bucket removes its label, member and owner mappings with it. */
@CommandHandler(DeleteBucketCommand)
export class DeleteBucketHandler implements ICommandHandler<DeleteBucketCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, bucketId }: DeleteBucketCommand): Promise<void> {
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'write', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    if (bucket.type === 'system') throw DomainError.invalidField('bucketID', 'system buckets cannot be deleted');
    // false: deleted by someone else since it was read
    if (!(await this.buckets.delete(caller.instanceId, bucket.id, bucketEvents.removed(bucket), this.clock.now()))) {
      throw DomainError.notFound('bucket not found');
    }
  }
}
