import { Query } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type User } from '../../users/user';

export class GetMeQuery extends Query<User> {
  constructor(readonly caller: TenantCaller) {
    super();
  }
}
