import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

export class DeleteLabelCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly labelId: string,
  ) {
    super();
  }
}
