import type { BasicCredentials } from '@app/domain';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Reads `Authorization: Basic base64(name:password)` (RFC 7617); null when absent or malformed. */
export function parseBasicCredentials(header: string | undefined): BasicCredentials | null {
  const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The request's Basic credentials, or null. */
export const Basic = createParamDecorator((_: unknown, context: ExecutionContext): BasicCredentials | null =>
  parseBasicCredentials(context.switchToHttp().getRequest<Request>().headers.authorization),
);
