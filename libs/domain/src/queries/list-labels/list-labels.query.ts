import { Query } from '@nestjs/cqrs';
import { Label } from '../../labels/label';
import { TenantCaller } from '../../tenancy/tenant-caller';

export class ListLabelsQuery extends Query<Label[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly filter: { orgID?: string; name?: string },
  ) {
    super();
  }
}
