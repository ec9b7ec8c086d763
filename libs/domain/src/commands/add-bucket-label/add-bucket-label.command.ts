import { Command } from '@nestjs/cqrs';

import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class AddBucketLabelCommand extends Command<Label> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly labelId: string | undefined,
  ) {
    super();
  }
}
