import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type BasicCredentials } from '../../users/credentials';
import { type IssuedSession } from '../../users/session';

export class SignInCommand extends Command<IssuedSession> {
  constructor(
    /** The caller of the instance the request's host names. */
    readonly caller: TenantCaller,
    readonly basic: BasicCredentials | null,
    /** The client's address, one of the keys the password attempt limiter counts by. */
    readonly clientAddress: string,
  ) {
    super();
  }
}
