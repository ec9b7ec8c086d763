import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

export class DeleteBucketCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
  ) {
    super();
  }
}
