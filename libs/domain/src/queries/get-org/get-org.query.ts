import { Query } from '@nestjs/cqrs';
import { Org } from '../../orgs/org';
import { TenantCaller } from '../../tenancy/tenant-caller';

/** `GET /api/v2/orgs/{orgID}` */
export class GetOrgQuery extends Query<Org> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
  ) {
    super();
  }
}
