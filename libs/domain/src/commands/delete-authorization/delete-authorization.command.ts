import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `DELETE /api/v2/authorizations/{authID}`: the token stops working at once. */
export class DeleteAuthorizationCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly authId: string,
  ) {
    super();
  }
}
