import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { DomainError } from '../../errors';
import { BucketMemberRepository, BucketRepository, Clock } from '../../ports';
import { BucketMember } from '../../ports/bucket-member-repository.port';
import { isId } from '../../shared/id';
import { AddBucketMemberCommand } from './add-bucket-member.command';

/** Members may read the bucket; owners may also change and delete it. The caller must be able to read the user. */
@CommandHandler(AddBucketMemberCommand)
export class AddBucketMemberHandler implements ICommandHandler<AddBucketMemberCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly members: BucketMemberRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, bucketId, userId, role }: AddBucketMemberCommand): Promise<BucketMember> {
    if (!userId) throw DomainError.invalidField('id', 'is required');
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'write', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    if (!isId(userId) || !(await this.members.userExists(caller.instanceId, userId)))
      throw DomainError.notFound('user not found');
    // the answer shows the user's name and status: only for a caller that may read the user
    authorize(caller, 'read', { type: 'users', id: userId });
    return this.members.add(caller.instanceId, bucket.id, userId, role, this.clock.now());
  }
}
