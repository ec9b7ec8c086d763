import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCode } from '../../errors';
import { Clock, IdGenerator, PasswordHasher, SessionRepository, TokenGenerator, UserRepository } from '../../ports';
import { badCredentials, verifyCredentials } from '../../users/credentials';
import { IssuedSession, SESSION_TTL_SECONDS } from '../../users/session';
import { SignInCommand } from './sign-in.command';

/**
 * Checks Basic credentials and opens a session: a random 32-byte token for the cookie, of which only the digest is
 * stored. Unknown names and wrong passwords get the same 401 in the same time; an inactive user, once its
 * password is right, gets 403.
 */
@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenGenerator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, basic }: SignInCommand): Promise<IssuedSession> {
    if (!basic) throw badCredentials();
    const user = await verifyCredentials(this.users, this.hasher, caller.instanceId, basic);
    if (!user) throw badCredentials();
    if (user.status !== 'active') throw new DomainError(ErrorCode.PermissionDenied, 'User is inactive');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
    const token = this.tokens.generate();
    await this.sessions.create(caller.instanceId, { id: this.ids.newId(), userId: user.id, digest: token.digest, expiresAt }, now);
    return { token: token.plaintext, expiresAt };
  }
}
