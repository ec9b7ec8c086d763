import { Command } from '@nestjs/cqrs';
import { Label } from '../../labels/label';
import { TenantCaller } from '../../tenancy/tenant-caller';

export class AddBucketLabelCommand extends Command<Label> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly labelId: string | undefined,
  ) {
    super();
  }
}
