import { Command } from '@nestjs/cqrs';

import { type OrgMember, type OrgRole } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `POST /api/v2/orgs/{orgID}/members` (role member) and `/owners` (role owner). */
export class AddOrgMemberCommand extends Command<OrgMember> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
    readonly userId: string | undefined,
    readonly role: OrgRole,
  ) {
    super();
  }
}
