import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';

import { type SystemRequest } from '../../system/auth/system-auth.guard';
import { type TenantRequest } from '../common/tenant-request';
import { InstanceScopedCache } from './instance-scoped-cache';

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After a request that may change data (any method but GET, HEAD and OPTIONS), drops the cached callers of the
 * instance it acted on, just before the answer's headers go out: the client's next request to this process never
 * meets what it just revoked. The PostgreSQL notification does the same for the other processes a moment later.
 *
 * The instance is the authenticated tenant caller's, or the `:instanceId` of a System API route once the System API
 * guard accepted the caller; anonymous requests evict nothing, so that they cannot empty an instance's cache. Failed
 * requests evict too: it costs one reload and needs no reasoning about partial effects.
 *
 * A middleware that wraps `writeHead` (which `end()` calls too) rather than a Nest interceptor: a global interceptor
 * costs every request, reads included, its RxJS and async-context machinery (~2% of the CPU of a bucket list).
 */
@Injectable()
export class EvictBeforeAnswerMiddleware implements NestMiddleware {
  constructor(private readonly cache: InstanceScopedCache) {}

  use(request: TenantRequest & SystemRequest, response: Response, next: NextFunction): void {
    if (READ_ONLY.has(request.method)) return next();
    const cache = this.cache;
    const writeHead = response.writeHead;
    response.writeHead = function (this: Response, ...args: unknown[]) {
      response.writeHead = writeHead;
      const instanceId = actedOn(request);
      if (instanceId) cache.evictInstance(instanceId);
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    next();
  }
}

function actedOn(request: TenantRequest & SystemRequest): string | undefined {
  const caller = request.tenant;
  if (caller && caller.kind !== 'anonymous') return caller.instanceId;
  const params = request.params as Record<string, string | undefined> | undefined;
  return request.systemCallerId ? params?.instanceId : undefined;
}
