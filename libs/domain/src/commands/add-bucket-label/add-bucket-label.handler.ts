import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { DomainError } from '../../errors';
import { Label } from '../../labels/label';
import { checkLabelAttachment } from '../../labels/label-attachment';
import { BucketRepository, Clock, LabelRepository } from '../../ports';
import { findLabelOrThrow } from '../../queries/get-label/get-label.handler';
import { AddBucketLabelCommand } from './add-bucket-label.command';

@CommandHandler(AddBucketLabelCommand)
export class AddBucketLabelHandler implements ICommandHandler<AddBucketLabelCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly labels: LabelRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, bucketId, labelId }: AddBucketLabelCommand): Promise<Label> {
    if (!labelId) throw DomainError.invalidField('labelID', 'is required');
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'write', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    const label = await findLabelOrThrow(this.labels, caller, labelId);
    checkLabelAttachment(caller, label, bucket);
    await this.labels.addToBucket(caller.instanceId, bucket.id, label.id, this.clock.now());
    return label;
  }
}
