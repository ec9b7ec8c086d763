import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { DomainError } from '../../errors';
import { BucketMemberRepository, BucketRepository, Clock } from '../../ports';
import { isId } from '../../shared/id';
import { RemoveBucketMemberCommand } from './remove-bucket-member.command';

@CommandHandler(RemoveBucketMemberCommand)
export class RemoveBucketMemberHandler implements ICommandHandler<RemoveBucketMemberCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly members: BucketMemberRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, bucketId, userId, role }: RemoveBucketMemberCommand): Promise<void> {
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'write', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    const removed =
      isId(userId) && (await this.members.remove(caller.instanceId, bucket.id, userId, role, this.clock.now()));
    if (!removed)
      throw DomainError.notFound(`user is not ${role === 'owner' ? 'an owner' : 'a member'} of this bucket`);
  }
}
