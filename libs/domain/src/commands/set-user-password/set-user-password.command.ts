import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type BasicCredentials } from '../../users/credentials';

export class SetUserPasswordCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly userId: string,
    readonly password: unknown,
    /** Basic credentials of the request: without a token or session, the user may change its own password with them. */
    readonly basic: BasicCredentials | null,
    /** The client's address, one of the keys the password attempt limiter counts by. */
    readonly clientAddress: string,
  ) {
    super();
  }
}
