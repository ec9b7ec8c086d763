import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { DomainError } from '../../errors';
import { BucketRepository, Clock, LabelRepository } from '../../ports';
import { isId } from '../../shared/id';
import { RemoveBucketLabelCommand } from './remove-bucket-label.command';

@CommandHandler(RemoveBucketLabelCommand)
export class RemoveBucketLabelHandler implements ICommandHandler<RemoveBucketLabelCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly labels: LabelRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, bucketId, labelId }: RemoveBucketLabelCommand): Promise<void> {
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'write', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    const removed =
      isId(labelId) && (await this.labels.removeFromBucket(caller.instanceId, bucket.id, labelId, this.clock.now()));
    if (!removed) throw DomainError.notFound('label not found on this bucket');
  }
}
