import { Query } from '@nestjs/cqrs';

import { type Org, type PageRequest } from '../../orgs/org';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface OrgQueryFilter {
  /** An org name: InfluxDB answers 404 when no org has it. */
  readonly name?: string;
  /** An org id: 404 when no org has it. */
  readonly id?: string;
  /** Orgs the user is a member or owner of. */
  readonly userId?: string;
}

export interface OrgPage {
  readonly orgs: Org[];
  /** True when another page follows. */
  readonly hasMore: boolean;
}

/** `GET /api/v2/orgs`: the orgs the caller may read, one page of them. */
export class ListOrgsQuery extends Query<OrgPage> {
  constructor(
    readonly caller: TenantCaller,
    readonly filter: OrgQueryFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
