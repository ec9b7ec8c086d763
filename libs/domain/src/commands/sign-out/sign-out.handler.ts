import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError, ErrorCode } from '../../errors';
import { SessionRepository } from '../../ports';
import { SignOutCommand } from './sign-out.command';

/** Ends the session the request's cookie names; a request without a session has nothing to end (401). */
@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(private readonly sessions: SessionRepository) {}

  async execute({ caller }: SignOutCommand): Promise<void> {
    if (caller.kind !== 'session' || !caller.sessionId)
      throw new DomainError(ErrorCode.Unauthenticated, 'signout needs a session cookie');
    if (!(await this.sessions.remove(caller.instanceId, caller.sessionId))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
    }
  }
}
