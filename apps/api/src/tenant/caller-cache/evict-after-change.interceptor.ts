import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';

import { type TenantRequest } from '../common/tenant-request';
import { InstanceScopedCache } from './instance-scoped-cache';

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After a request that may change data (any method but GET, HEAD and OPTIONS), drops the cached callers of the
 * instance it acted on: the tenant caller's instance, or the `:instanceId` of a System API route. It runs before
 * the answer is sent, so the client's next request to this process never meets what it just revoked; the
 * PostgreSQL notification does the same for the other processes a moment later (and for this one, again).
 * Failed requests evict too: it costs one reload and needs no reasoning about partial effects.
 */
@Injectable()
export class EvictAfterChangeInterceptor implements NestInterceptor {
  constructor(private readonly cache: InstanceScopedCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<TenantRequest>();
    if (READ_ONLY.has(request.method)) return next.handle();
    let evicted = false;
    const evict = () => {
      if (evicted) return;
      evicted = true;
      const params = request.params as Record<string, string | undefined> | undefined;
      const instanceId = request.tenant?.instanceId ?? params?.instanceId;
      if (instanceId) this.cache.evictInstance(instanceId);
    };
    return next.handle().pipe(tap({ next: evict, error: evict, complete: evict }));
  }
}
