import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

export class SignOutCommand extends Command<void> {
  constructor(readonly caller: TenantCaller) {
    super();
  }
}
