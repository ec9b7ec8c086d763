import { Query } from '@nestjs/cqrs';

import { type Authorization } from '../../authorizations/authorization';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `GET /api/v2/authorizations/{authID}`: never with its token. */
export class GetAuthorizationQuery extends Query<Authorization> {
  constructor(
    readonly caller: TenantCaller,
    readonly authId: string,
  ) {
    super();
  }
}
