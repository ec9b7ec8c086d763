import { Command } from '@nestjs/cqrs';

import { type BucketRole } from '../../ports/bucket-member-repository.port';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class RemoveBucketMemberCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly userId: string,
    readonly role: BucketRole,
  ) {
    super();
  }
}
