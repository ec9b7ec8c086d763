import type { TenantCaller } from '@app/domain';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { TenantRequest } from './tenant-request';

/** The tenant API caller that TenantAuthGuard resolved. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): TenantCaller => {
  const caller = context.switchToHttp().getRequest<TenantRequest>().tenant;
  if (!caller) throw new Error('Caller used on a route without TenantAuthGuard');
  return caller;
});
