import { Command } from '@nestjs/cqrs';

import { type AuthorizationStatus, type CreatedAuthorization } from '../../authorizations/authorization';
import { type PermissionInput } from '../../authorizations/permission-input';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** InfluxDB `AuthorizationPostRequest`. */
export interface AuthorizationInput {
  readonly orgID?: string;
  /** Defaults to the caller's user. */
  readonly userID?: string;
  readonly description?: string;
  readonly status?: AuthorizationStatus;
  readonly permissions?: readonly PermissionInput[];
}

/** `POST /api/v2/authorizations`: the token is in the result, and nowhere else ever again. */
export class CreateAuthorizationCommand extends Command<CreatedAuthorization> {
  constructor(
    readonly caller: TenantCaller,
    readonly input: AuthorizationInput,
  ) {
    super();
  }
}
