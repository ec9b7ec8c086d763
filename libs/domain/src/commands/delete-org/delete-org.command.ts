import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `DELETE /api/v2/orgs/{orgID}`: the org goes with its buckets, memberships and authorizations. */
export class DeleteOrgCommand extends Command<void> {
  constructor(
    readonly caller: TenantCaller,
    readonly orgId: string,
  ) {
    super();
  }
}
