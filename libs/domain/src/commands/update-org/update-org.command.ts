import { Command } from '@nestjs/cqrs';

import { type Org } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `PATCH /api/v2/orgs/{orgID}`: absent fields stay as they are. */
export class UpdateOrgCommand extends Command<Org> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
    readonly changes: { readonly name?: string; readonly description?: string },
  ) {
    super();
  }
}
