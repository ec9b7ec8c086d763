import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { type ConsoleSession, type ConsoleSessionStore, DomainError, ErrorCode } from '@app/domain';
import { type AppConfig, type SystemUserRole } from '@app/infrastructure';

import { SystemAuthenticator, type SystemCallerIdentity } from '../system/auth/system-authenticator';

/** The console's session cookie: HttpOnly, SameSite=Strict, sent only to /console (see serveConsole). */
export const CONSOLE_COOKIE = 'console_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const digestOf = (sessionId: string) => createHash('sha256').update(sessionId, 'utf8').digest('hex');

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Operator console sessions. Signing in checks the credential with SystemAuthenticator (the System API's own check)
 * and keeps only who signed in; the browser holds a random session id, the store only its digest. Each request
 * re-reads the caller's role from the configuration, so that removing a token or user ends its sessions.
 */
export class ConsoleSessions {
  private readonly authenticator: SystemAuthenticator;

  constructor(
    private readonly config: AppConfig,
    private readonly store: ConsoleSessionStore,
  ) {
    this.authenticator = new SystemAuthenticator(config);
  }

  async signIn(credential: string): Promise<{ sessionId: string; session: ConsoleSession }> {
    const caller = await this.authenticator.authenticate(`Bearer ${credential}`);
    const sessionId = randomBytes(32).toString('base64url');
    const session: ConsoleSession = {
      callerId: caller.id,
      role: caller.role,
      csrfToken: randomBytes(32).toString('base64url'),
    };
    await this.store.save(digestOf(sessionId), session, this.config.consoleSessionTtlSeconds);
    return { sessionId, session };
  }

  /** The session's caller; for a change (any method but GET/HEAD/OPTIONS) only with the session's CSRF token. */
  async authenticate(
    sessionId: string | undefined,
    method: string,
    csrfToken: string | undefined,
  ): Promise<SystemCallerIdentity & { csrfToken: string }> {
    const session = sessionId ? await this.store.find(digestOf(sessionId)) : null;
    const role = session ? this.currentRole(session.callerId) : null;
    if (!session || !role) throw new DomainError(ErrorCode.Unauthenticated, 'no console session: sign in at /console');
    if (!SAFE_METHODS.has(method.toUpperCase()) && !sameSecret(csrfToken ?? '', session.csrfToken)) {
      throw new DomainError(
        ErrorCode.PermissionDenied,
        'missing or wrong X-CSRF-Token: the console sends the one GET /console/api/session gives',
      );
    }
    return { id: session.callerId, role, csrfToken: session.csrfToken };
  }

  async signOut(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.store.remove(digestOf(sessionId));
  }

  /** The caller's role now, or null when its token or user is no longer configured. */
  private currentRole(callerId: string): SystemUserRole | null {
    if (callerId.startsWith('user:')) return this.config.systemUsers.get(callerId.slice(5))?.role ?? null;
    return this.config.systemTokenDigests.includes(callerId) ? 'SYSTEM_OWNER' : null;
  }
}
