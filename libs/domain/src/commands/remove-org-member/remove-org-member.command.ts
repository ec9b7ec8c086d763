import { Command } from '@nestjs/cqrs';

import { type OrgRole } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `DELETE /api/v2/orgs/{orgID}/members/{userID}` (role member) and `/owners/{userID}` (role owner). */
export class RemoveOrgMemberCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
    readonly userId: string,
    readonly role: OrgRole,
  ) {
    super();
  }
}
