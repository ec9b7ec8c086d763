import { Query } from '@nestjs/cqrs';

import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class ListLabelsQuery extends Query<Label[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly filter: { orgID?: string; name?: string },
  ) {
    super();
  }
}
