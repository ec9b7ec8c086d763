import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { Clock, PasswordAttemptLimiter, PasswordHasher, UserRepository } from '../../ports';
import { badCredentials, verifyCredentials } from '../../users/credentials';
import { existingUser } from '../../users/existing-user';
import { checkPassword } from '../../users/password-policy';
import { unknownUser, User } from '../../users/user';
import { userEvents } from '../../users/user-events';
import { SetUserPasswordCommand } from './set-user-password.command';

/**
 * POST and PUT /users/{id}/password. With a token or session the caller needs `write:users/<id>`; without either,
 * Basic credentials of that very user (its old password, checked through the password attempt limiter; never an
 * inactive user's) allow it, as InfluxDB's PUT does. The user's other sessions end.
 */
@CommandHandler(SetUserPasswordCommand)
export class SetUserPasswordHandler implements ICommandHandler<SetUserPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly limiter: PasswordAttemptLimiter,
  ) {}

  async execute(command: SetUserPasswordCommand): Promise<void> {
    const { caller, password } = command;
    const { user, by } = await this.target(command);
    const hash = await this.hasher.hash(checkPassword(password, 'password'));
    const keep = caller.kind === 'session' && caller.user?.id === user.id ? caller.sessionId : null;
    const event = userEvents.passwordChanged(caller.instanceId, user.id, by);
    if (!(await this.users.setPasswordHash(caller.instanceId, user.id, hash, keep, event, this.clock.now())))
      throw unknownUser();
  }

  private async target({
    caller,
    userId,
    basic,
    clientAddress,
  }: SetUserPasswordCommand): Promise<{ user: User; by: string }> {
    if (caller.kind === 'anonymous' && basic) {
      const self = await verifyCredentials(
        { users: this.users, hasher: this.hasher, limiter: this.limiter },
        caller.instanceId,
        basic,
        clientAddress,
      );
      if (!self || self.id !== userId) throw badCredentials();
      return { user: self, by: 'self' };
    }
    const user = await existingUser(this.users, caller, userId);
    authorize(caller, 'write', { type: 'users', id: user.id });
    return { user, by: caller.user?.id === user.id ? 'self' : (caller.user?.id ?? 'unknown') };
  }
}
