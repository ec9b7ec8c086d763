import { Query } from '@nestjs/cqrs';

import { type OrgMember, type OrgRole } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `GET /api/v2/orgs/{orgID}/members` (role member) and `/owners` (role owner). */
export class ListOrgMembersQuery extends Query<OrgMember[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
    readonly role: OrgRole,
  ) {
    super();
  }
}
