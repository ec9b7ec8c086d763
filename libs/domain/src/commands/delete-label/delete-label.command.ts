import { Command } from '@nestjs/cqrs';
import { TenantCaller } from '../../tenancy/tenant-caller';

export class DeleteLabelCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly labelId: string,
  ) {
    super();
  }
}
