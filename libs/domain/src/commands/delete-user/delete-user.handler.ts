import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authorize } from '../../authorization/authorize';
import { Clock, UserRepository } from '../../ports';
import { existingUser } from '../../users/existing-user';
import { unknownUser } from '../../users/user';
import { userEvents } from '../../users/user-events';
import { DeleteUserCommand } from './delete-user.command';

/** The user's tokens, sessions, keys and memberships go with it, so they stop working at once. */
@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, userId }: DeleteUserCommand): Promise<void> {
    const user = await existingUser(this.users, caller, userId);
    authorize(caller, 'write', { type: 'users', id: user.id });
    const removed = await this.users.remove(caller.instanceId, user.id, userEvents.removed(caller.instanceId, user.id, user.name), this.clock.now());
    if (!removed) throw unknownUser();
  }
}
