import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type BasicCredentials } from '../../users/credentials';

export class ChangeMyPasswordCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    /** The signed-in user's name and old password. */
    readonly basic: BasicCredentials | null,
    readonly password: unknown,
    /** The client's address, one of the keys the password attempt limiter counts by. */
    readonly clientAddress: string,
  ) {
    super();
  }
}
