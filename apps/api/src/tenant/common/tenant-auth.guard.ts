import { PresentedCredential, ResolveTenantCallerQuery } from '@app/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';

import { chargeRequestQuota } from './request-quota';
import { SESSION_COOKIE, TenantRequest } from './tenant-request';

/** `Authorization: Token <t>` or `Bearer <t>` (any case), else the session cookie, else none. Basic is not a token. */
function presentedCredential(request: TenantRequest): PresentedCredential | null {
  const match = /^(token|bearer)\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (match) return { via: 'header', value: match[2] };
  const cookies = request.cookies as Record<string, string> | undefined;
  const session = cookies?.[SESSION_COOKIE];
  return session ? { via: 'cookie', value: session } : null;
}

/**
 * Resolves the instance and the caller of every tenant API request. Anonymous callers pass (some routes, such as
 * setup and signin, need no token); each handler authorizes what it does.
 */
@Injectable()
export class TenantAuthGuard implements CanActivate {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TenantRequest>();
    // req.hostname honours X-Forwarded-Host only when TRUST_PROXY is set ('trust proxy').
    request.tenant = await this.queries.execute(
      new ResolveTenantCallerQuery(request.hostname, presentedCredential(request)),
    );
    await chargeRequestQuota(this.commands, request, context.switchToHttp().getResponse<Response>());
    return true;
  }
}
