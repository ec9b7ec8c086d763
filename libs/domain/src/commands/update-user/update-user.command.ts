import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type User } from '../../users/user';

export interface UpdateUserInput {
  readonly name?: string;
  readonly status?: string;
}

export class UpdateUserCommand extends Command<User> {
  constructor(
    readonly caller: TenantCaller,
    readonly userId: string,
    readonly input: UpdateUserInput,
  ) {
    super();
  }
}
