import { Command } from '@nestjs/cqrs';

import { type Authorization, type AuthorizationStatus } from '../../authorizations/authorization';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `PATCH /api/v2/authorizations/{authID}`: status and description only; permissions never change. */
export class UpdateAuthorizationCommand extends Command<Authorization> {
  constructor(
    readonly caller: TenantCaller,
    readonly authId: string,
    readonly changes: { readonly status?: AuthorizationStatus; readonly description?: string },
  ) {
    super();
  }
}
