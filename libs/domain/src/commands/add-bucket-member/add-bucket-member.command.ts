import { Command } from '@nestjs/cqrs';

import { type BucketMember, type BucketRole } from '../../ports/bucket-member-repository.port';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class AddBucketMemberCommand extends Command<BucketMember> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly userId: string | undefined,
    readonly role: BucketRole,
  ) {
    super();
  }
}
