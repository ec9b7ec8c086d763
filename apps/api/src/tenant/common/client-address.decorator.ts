import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The client's address, which the password attempt limiter counts by. `req.ip` honours X-Forwarded-For only when
 * TRUST_PROXY is set, so a client cannot pick its own address.
 */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
});
