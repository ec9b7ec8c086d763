import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { SystemRequest } from './system-auth.guard';

/** The authenticated System API caller's id (see SystemAuthGuard). */
export const SystemCaller = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const id = context.switchToHttp().getRequest<SystemRequest>().systemCallerId;
  if (!id) throw new Error('SystemCaller used on a route without SystemAuthGuard');
  return id;
});
