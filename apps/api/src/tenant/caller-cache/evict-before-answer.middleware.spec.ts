import type { Response } from 'express';

import { EvictBeforeAnswerMiddleware } from './evict-before-answer.middleware';
import { type InstanceScopedCache } from './instance-scoped-cache';

describe('EvictBeforeAnswerMiddleware', () => {
  /** Runs the middleware on a request, then lets the route set what it sets and answer; returns what was evicted. */
  function answer(request: Record<string, unknown>, routeSets: Record<string, unknown> = {}): string[] {
    const evicted: string[] = [];
    const cache = { evictInstance: (id: string) => evicted.push(id) } as unknown as InstanceScopedCache;
    const headersWritten: unknown[] = [];
    const response = { writeHead: (...args: unknown[]) => headersWritten.push(args) } as unknown as Response;
    const req = { params: {}, ...request };
    let nextCalled = false;
    new EvictBeforeAnswerMiddleware(cache).use(req as never, response, () => (nextCalled = true));
    expect(nextCalled).toBe(true);
    Object.assign(req, routeSets);
    expect(evicted).toEqual([]); // nothing before the answer
    response.writeHead(204);
    response.writeHead(204); // the original is back in place after the first call
    expect(headersWritten).toEqual([[204], [204]]);
    return evicted;
  }

  const tokenCaller = { kind: 'token', instanceId: 'aaaaaaaaaaaaaaaa' };

  it("evicts an authenticated tenant caller's instance once, as the answer starts", () => {
    expect(answer({ method: 'DELETE' }, { tenant: tokenCaller })).toEqual(['aaaaaaaaaaaaaaaa']);
  });

  it('evicts nothing for reads', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(answer({ method }, { tenant: tokenCaller })).toEqual([]);
  });

  it('evicts nothing for anonymous tenant requests, so that they cannot empty a cache', () => {
    const anonymous = { kind: 'anonymous', instanceId: 'aaaaaaaaaaaaaaaa' };
    expect(answer({ method: 'POST' }, { tenant: anonymous })).toEqual([]);
  });

  it("evicts a System API route's :instanceId only once the System API guard accepted the caller", () => {
    const params = { instanceId: 'bbbbbbbbbbbbbbbb' };
    expect(answer({ method: 'PUT' }, { params, systemCallerId: 'operator' })).toEqual(['bbbbbbbbbbbbbbbb']);
    expect(answer({ method: 'PUT' }, { params })).toEqual([]);
  });
});
