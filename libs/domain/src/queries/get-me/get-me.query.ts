import { Query } from '@nestjs/cqrs';
import { TenantCaller } from '../../tenancy/tenant-caller';
import { User } from '../../users/user';

export class GetMeQuery extends Query<User> {
  constructor(readonly caller: TenantCaller) {
    super();
  }
}
