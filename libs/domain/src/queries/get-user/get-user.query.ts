import { Query } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type User } from '../../users/user';

export class GetUserQuery extends Query<User> {
  constructor(
    readonly caller: TenantCaller,
    readonly userId: string,
  ) {
    super();
  }
}
