import { Command } from '@nestjs/cqrs';

import { type Org } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `POST /api/v2/orgs` */
export class CreateOrgCommand extends Command<Org> {
  constructor(
    readonly caller: TenantCaller,
    readonly name: string | undefined,
    readonly description: string | undefined,
  ) {
    super();
  }
}
