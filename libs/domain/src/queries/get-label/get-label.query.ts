import { Query } from '@nestjs/cqrs';

import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class GetLabelQuery extends Query<Label> {
  constructor(
    readonly caller: TenantCaller,
    readonly labelId: string,
  ) {
    super();
  }
}
