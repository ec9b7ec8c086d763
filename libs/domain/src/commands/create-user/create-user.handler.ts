import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { Clock, IdGenerator, UserRepository } from '../../ports';
import { checkInfluxUserName, checkUserStatus, User } from '../../users/user';
import { userEvents } from '../../users/user-events';
import { CreateUserCommand } from './create-user.command';

/** Needs `write:users` on every user (an operator token): InfluxDB's rule for creating users. */
@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, input }: CreateUserCommand): Promise<User> {
    authorize(caller, 'write', { type: 'users' });
    const name = checkInfluxUserName(input.name);
    const status = input.status === undefined ? 'active' : checkUserStatus(input.status);
    const id = this.ids.newId();
    return this.users.create(
      caller.instanceId,
      { id, name, status },
      userEvents.added(caller.instanceId, id, name, status),
      this.clock.now(),
    );
  }
}
