import { Query } from '@nestjs/cqrs';
import { TenantCaller } from '../../tenancy/tenant-caller';
import { User } from '../../users/user';

export class GetUserQuery extends Query<User> {
  constructor(
    readonly caller: TenantCaller,
    readonly userId: string,
  ) {
    super();
  }
}
