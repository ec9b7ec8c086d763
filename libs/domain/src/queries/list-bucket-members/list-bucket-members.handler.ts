import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { findBucketOrThrow } from '../../buckets/existing-bucket';
import { BucketMemberRepository, BucketRepository } from '../../ports';
import { BucketMember } from '../../ports/bucket-member-repository.port';
import { ListBucketMembersQuery } from './list-bucket-members.query';

@QueryHandler(ListBucketMembersQuery)
export class ListBucketMembersHandler implements IQueryHandler<ListBucketMembersQuery> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly members: BucketMemberRepository,
  ) {}

  async execute({ caller, bucketId, role }: ListBucketMembersQuery): Promise<BucketMember[]> {
    requireAuthenticated(caller);
    const bucket = await findBucketOrThrow(this.buckets, caller, bucketId);
    authorize(caller, 'read', { type: 'buckets', id: bucket.id, orgID: bucket.orgId });
    return this.members.list(caller.instanceId, bucket.id, role);
  }
}
