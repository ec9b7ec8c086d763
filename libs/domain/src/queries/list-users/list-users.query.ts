import { Query } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type User } from '../../users/user';

export interface ListUsersParams {
  readonly id?: string;
  readonly name?: string;
  readonly offset: number;
  readonly limit: number;
  readonly after?: string;
}

export class ListUsersQuery extends Query<User[]> {
  constructor(
    readonly caller: TenantCaller,
    readonly params: ListUsersParams,
  ) {
    super();
  }
}
