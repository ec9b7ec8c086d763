import { Query } from '@nestjs/cqrs';

import { type Org } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `GET /api/v2/orgs/{orgID}` */
export class GetOrgQuery extends Query<Org> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
  ) {
    super();
  }
}
