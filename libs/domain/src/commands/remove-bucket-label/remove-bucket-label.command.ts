import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

export class RemoveBucketLabelCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly labelId: string,
  ) {
    super();
  }
}
