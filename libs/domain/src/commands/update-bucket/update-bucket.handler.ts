import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { Bucket } from '../../buckets/bucket';
import { bucketEvents } from '../../buckets/bucket-events';
import { checkBucketName } from '../../buckets/bucket-name';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { retentionFrom } from '../../buckets/retention-rules';
import { DomainError } from '../../errors';
import { BucketChanges, BucketRepository, Clock } from '../../ports';
import { checkDescription } from '../../shared/text';
import { UpdateBucketCommand } from './update-bucket.command';

/** Changes only the fields sent; a system bucket keeps its name. */
@CommandHandler(UpdateBucketCommand)
export class UpdateBucketHandler implements ICommandHandler<UpdateBucketCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, bucketId, input }: UpdateBucketCommand): Promise<Bucket> {
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'write', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    const changes: { -readonly [K in keyof BucketChanges]: BucketChanges[K] } = {};
    if (input.name !== undefined && input.name !== bucket.name) {
      if (bucket.type === 'system') throw DomainError.invalidField('name', 'system buckets cannot be renamed');
      changes.name = checkBucketName(input.name);
    }
    if (input.description !== undefined) changes.description = checkDescription(input.description);
    if (input.retentionRules !== undefined) Object.assign(changes, retentionFrom(input.retentionRules));
    const updated = await this.buckets.update(
      caller.instanceId,
      bucket.id,
      changes,
      bucketEvents.changed(bucket, changes),
      this.clock.now(),
    );
    // deleted since it was read
    if (!updated) throw DomainError.notFound('bucket not found');
    return updated;
  }
}
