import { Command } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';
import { type User } from '../../users/user';

export interface CreateUserInput {
  readonly name?: string;
  readonly status?: string;
}

export class CreateUserCommand extends Command<User> {
  constructor(
    readonly caller: TenantCaller,
    readonly input: CreateUserInput,
  ) {
    super();
  }
}
