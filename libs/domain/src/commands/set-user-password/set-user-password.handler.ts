import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authorize } from '../../authorization/authorize';
import { Clock, PasswordHasher, UserRepository } from '../../ports';
import { TenantCaller } from '../../tenancy/tenant-caller';
import { badCredentials, verifyCredentials } from '../../users/credentials';
import { existingUser } from '../../users/existing-user';
import { checkPassword } from '../../users/password-policy';
import { User, unknownUser } from '../../users/user';
import { userEvents } from '../../users/user-events';
import { SetUserPasswordCommand } from './set-user-password.command';

/**
 * POST and PUT /users/{id}/password. With a token or session the caller needs `write:users/<id>`; without either,
 * Basic credentials of that very user (its old password) allow it, as InfluxDB's PUT does. The user's other
 * sessions end.
 */
@CommandHandler(SetUserPasswordCommand)
export class SetUserPasswordHandler implements ICommandHandler<SetUserPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, userId, password, basic }: SetUserPasswordCommand): Promise<void> {
    const { user, by } = await this.target(caller, userId, basic);
    const hash = await this.hasher.hash(checkPassword(password, 'password'));
    const keep = caller.kind === 'session' && caller.user?.id === user.id ? caller.sessionId : null;
    const event = userEvents.passwordChanged(caller.instanceId, user.id, by);
    if (!(await this.users.setPasswordHash(caller.instanceId, user.id, hash, keep, event, this.clock.now()))) throw unknownUser();
  }

  private async target(caller: TenantCaller, userId: string, basic: SetUserPasswordCommand['basic']): Promise<{ user: User; by: string }> {
    if (caller.kind === 'anonymous' && basic) {
      const self = await verifyCredentials(this.users, this.hasher, caller.instanceId, basic);
      if (!self || self.id !== userId) throw badCredentials();
      return { user: self, by: 'self' };
    }
    const user = await existingUser(this.users, caller, userId);
    authorize(caller, 'write', { type: 'users', id: user.id });
    return { user, by: caller.user?.id === user.id ? 'self' : (caller.user?.id ?? 'unknown') };
  }
}
