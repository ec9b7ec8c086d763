import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import {
  Clock,
  IdGenerator,
  PasswordAttemptLimiter,
  PasswordHasher,
  SessionRepository,
  TokenGenerator,
  UserRepository,
} from '../../ports';
import { badCredentials, verifyCredentials } from '../../users/credentials';
import { IssuedSession, SESSION_TTL_SECONDS } from '../../users/session';
import { SignInCommand } from './sign-in.command';

/**
 * Checks Basic credentials and opens a session: a random 32-byte token for the cookie, of which only the digest is
 * stored. Unknown names and wrong passwords get the same 401 in the same time; an inactive user, once its
 * password is right, gets 403; too many failures get 429 (see verifyCredentials).
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
    private readonly limiter: PasswordAttemptLimiter,
  ) {}

  async execute({ caller, basic, clientAddress }: SignInCommand): Promise<IssuedSession> {
    if (!basic) throw badCredentials();
    const user = await verifyCredentials(
      { users: this.users, hasher: this.hasher, limiter: this.limiter },
      caller.instanceId,
      basic,
      clientAddress,
    );
    if (!user) throw badCredentials();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
    const token = this.tokens.generate();
    await this.sessions.create(
      caller.instanceId,
      { id: this.ids.newId(), userId: user.id, digest: token.digest, expiresAt },
      now,
    );
    return { token: token.plaintext, expiresAt };
  }
}
