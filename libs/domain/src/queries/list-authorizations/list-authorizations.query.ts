import { Query } from '@nestjs/cqrs';

import { type Authorization } from '../../authorizations/authorization';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface AuthorizationQueryFilter {
  readonly userId?: string;
  /** A user name: 404 when no user has it, as InfluxDB. */
  readonly userName?: string;
  readonly orgId?: string;
  /** An org name: 404 when no org has it, as InfluxDB. */
  readonly orgName?: string;
}

/** `GET /api/v2/authorizations`: the authorizations (and PATs) the caller may read. */
export class ListAuthorizationsQuery extends Query<Authorization[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly filter: AuthorizationQueryFilter,
  ) {
    super();
  }
}
