import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError, ErrorCode } from '../../errors';
import { Clock, PasswordAttemptLimiter, PasswordHasher, UserRepository } from '../../ports';
import { badCredentials, verifyCredentials } from '../../users/credentials';
import { checkPassword } from '../../users/password-policy';
import { userEvents } from '../../users/user-events';
import { ChangeMyPasswordCommand } from './change-my-password.command';

/**
 * PUT /me/password: needs the session cookie and Basic credentials of the same user with its old password. The
 * current session stays; the user's other sessions end.
 */
@CommandHandler(ChangeMyPasswordCommand)
export class ChangeMyPasswordHandler implements ICommandHandler<ChangeMyPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly limiter: PasswordAttemptLimiter,
  ) {}

  async execute({ caller, basic, password, clientAddress }: ChangeMyPasswordCommand): Promise<void> {
    if (caller.kind !== 'session' || !caller.user)
      throw new DomainError(ErrorCode.Unauthenticated, 'changing your password needs a session cookie');
    if (!basic)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'changing your password needs Basic credentials with your old password',
      );
    const self = await verifyCredentials(
      { users: this.users, hasher: this.hasher, limiter: this.limiter },
      caller.instanceId,
      basic,
      clientAddress,
    );
    if (!self || self.id !== caller.user.id) throw badCredentials();
    const hash = await this.hasher.hash(checkPassword(password, 'password'));
    const event = userEvents.passwordChanged(caller.instanceId, self.id, 'self');
    if (
      !(await this.users.setPasswordHash(caller.instanceId, self.id, hash, caller.sessionId, event, this.clock.now()))
    )
      throw badCredentials();
  }
}
