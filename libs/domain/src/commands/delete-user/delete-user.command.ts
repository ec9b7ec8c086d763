import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

export class DeleteUserCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly userId: string,
  ) {
    super();
  }
}
