import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { userDeactivationGuard } from '../../orgs/owner-rules';
import { Clock, UserChanges, UserRepository } from '../../ports';
import { existingUser } from '../../users/existing-user';
import { checkInfluxUserName, checkUserStatus, unknownUser, User } from '../../users/user';
import { userEvents } from '../../users/user-events';
import { UpdateUserCommand } from './update-user.command';

/** Renames and (de)activates a user. An inactive user's tokens and sessions answer 403 until it is active again. */
@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, userId, input }: UpdateUserCommand): Promise<User> {
    const user = await existingUser(this.users, caller, userId);
    authorize(caller, 'write', { type: 'users', id: user.id });
    const changes: { name?: string; status?: User['status'] } = {};
    if (input.name !== undefined) changes.name = checkInfluxUserName(input.name);
    if (input.status !== undefined) changes.status = checkUserStatus(input.status);
    const changed = Object.entries(changes).filter(([key, value]) => user[key as keyof UserChanges] !== value);
    if (changed.length === 0) return user;
    const event = userEvents.changed(caller.instanceId, user.id, Object.fromEntries(changed));
    const guard = changes.status === 'inactive' ? userDeactivationGuard(user.id, user.name) : undefined;
    const updated = await this.users.update(caller.instanceId, user.id, changes, event, this.clock.now(), guard);
    if (!updated) throw unknownUser();
    return updated;
  }
}
