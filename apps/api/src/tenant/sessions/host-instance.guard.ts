import { ResolveTenantCallerQuery } from '@app/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

import { TenantRequest } from '../common/tenant-request';

/**
 * Sign-in's variant of TenantAuthGuard: the instance comes from the host alone and any token or session cookie is
 * ignored, so that a browser still holding an expired cookie can sign in again (TenantAuthGuard would refuse it).
 */
@Injectable()
export class HostInstanceGuard implements CanActivate {
  constructor(private readonly queries: QueryBus) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TenantRequest>();
    request.tenant = await this.queries.execute(new ResolveTenantCallerQuery(request.hostname, null));
    return true;
  }
}
