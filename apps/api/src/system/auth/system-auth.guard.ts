import { AppConfig } from '@app/persistence';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { SystemAuthenticator } from './system-authenticator';
import { assertRoleAllows } from './system-roles';

export interface SystemRequest extends Request {
  /**
   * Who authenticated the request, without holding its secret: the digest of a SYSTEM_API_TOKENS token, or
   * `user:<id>` for a system user.
   */
  systemCallerId?: string;
}

/** REST face of SystemAuthenticator: authenticates, then applies the caller's role to the HTTP method and path. */
@Injectable()
export class SystemAuthGuard implements CanActivate {
  private readonly authenticator: SystemAuthenticator;

  constructor(config: AppConfig) {
    // Built here rather than injected, so that every module using this guard gets it without registering a provider.
    this.authenticator = new SystemAuthenticator(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const caller = await this.authenticator.authenticate(request.headers.authorization);
    assertRoleAllows(caller.role, request.method, request.path);
    request.systemCallerId = caller.id;
    return true;
  }
}
