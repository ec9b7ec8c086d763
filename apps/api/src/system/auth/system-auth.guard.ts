import { ConsoleSessionStore } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { CONSOLE_COOKIE, ConsoleSessions, CSRF_HEADER } from '../../console/console-sessions';
import { SystemAuthenticator, SystemCallerIdentity } from './system-authenticator';
import { assertRoleAllows } from './system-roles';

export interface SystemRequest extends Request {
  /**
   * Who authenticated the request, without holding its secret: the digest of a SYSTEM_API_TOKENS token, or
   * `user:<id>` for a system user.
   */
  systemCallerId?: string;
  /** Set by serveConsole for requests under /console/api: only these may authenticate with the console cookie. */
  viaConsole?: boolean;
}

/**
 * REST face of SystemAuthenticator: authenticates, then applies the caller's role to the HTTP method and path.
 * Requests that come through the operator console (/console/api/...) without an Authorization header may instead
 * carry the console session cookie, plus its CSRF token for a change.
 */
@Injectable()
export class SystemAuthGuard implements CanActivate {
  private readonly authenticator: SystemAuthenticator;
  private readonly sessions: ConsoleSessions;

  constructor(config: AppConfig, sessionStore: ConsoleSessionStore) {
    // Built here rather than injected, so that every module using this guard gets it without registering a provider.
    this.authenticator = new SystemAuthenticator(config);
    this.sessions = new ConsoleSessions(config, sessionStore);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const caller = await this.identify(request);
    assertRoleAllows(caller.role, request.method, request.path);
    request.systemCallerId = caller.id;
    return true;
  }

  private identify(request: SystemRequest): Promise<SystemCallerIdentity> {
    if (request.viaConsole && !request.headers.authorization) {
      const sessionId = (request.cookies as Record<string, string> | undefined)?.[CONSOLE_COOKIE];
      return this.sessions.authenticate(sessionId, request.method, request.header(CSRF_HEADER));
    }
    return this.authenticator.authenticate(request.headers.authorization);
  }
}
