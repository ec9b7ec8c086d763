import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { userDeletionGuard } from '../../orgs/owner-rules';
import { Clock, UserRepository } from '../../ports';
import { existingUser } from '../../users/existing-user';
import { unknownUser } from '../../users/user';
import { userEvents } from '../../users/user-events';
import { DeleteUserCommand } from './delete-user.command';

/**
 * The user's tokens, sessions, keys and memberships go with it, so they stop working at once. Never the last owner of
 * an org, nor the last active instance operator (also when it deletes itself).
 */
@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, userId }: DeleteUserCommand): Promise<void> {
    const user = await existingUser(this.users, caller, userId);
    authorize(caller, 'write', { type: 'users', id: user.id });
    const event = userEvents.removed(caller.instanceId, user.id, user.name);
    const removed = await this.users.remove(
      caller.instanceId,
      user.id,
      event,
      this.clock.now(),
      userDeletionGuard(user.id, user.name),
    );
    if (!removed) throw unknownUser();
  }
}
