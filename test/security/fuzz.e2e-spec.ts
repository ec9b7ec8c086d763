import fc from 'fast-check';

import { type FuzzContext, type HostileRequest, hostileRequest } from '../support/fuzz/hostile-requests';
import { dtoFieldNames } from '../support/fuzz/hostile-values';
import { routeFields } from '../support/fuzz/route-fields';
import { apiRoutes, type AppRoute } from '../support/fuzz/routes';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant } from '../support/tenant';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';

/**
 * Property-based fuzzing of every route of both surfaces, read from the running app's router: hostile path
 * parameters, queries, headers, credentials, bodies, content types and encodings. No answer may be a 5xx, every
 * error has its surface's format, and the service is healthy afterwards.
 *
 * FUZZ_RUNS (default 12) requests per route; FUZZ_SEED (default fixed) replays a run; FUZZ_ROUTES (a regular
 * expression over "METHOD /path") narrows the routes.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20260509);
const ONLY = new RegExp(process.env.FUZZ_ROUTES ?? '.');

interface Tally {
  requests: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
}

/** What is wrong with an answer, or null: a 5xx, or an error body not in the format of its surface. */
function violation(req: HostileRequest, res: HttpAnswer): string | null {
  if (res.status >= 500) return `${res.status} ${String(JSON.stringify(res.body)).slice(0, 200)}`;
  if (res.status < 400) return null;
  const path = new URL(req.path, 'http://x').pathname;
  const body = res.body as Record<string, unknown> | undefined;
  if (path.startsWith('/api/')) {
    const ok =
      typeof body?.code === 'string' &&
      typeof body.message === 'string' &&
      res.headers.get('x-platform-error-code') === body.code;
    return ok
      ? null
      : `tenant error body of ${res.status} is not {code: string, message}: ${String(JSON.stringify(body)).slice(0, 200)}`;
  }
  if (path.startsWith('/system/')) {
    const ok = typeof body?.code === 'number' && typeof body.message === 'string' && Array.isArray(body.details);
    return ok
      ? null
      : `System API error body of ${res.status} is not {code: number, message, details}: ${String(JSON.stringify(body)).slice(0, 200)}`;
  }
  return null;
}

/** A route's seed follows from FUZZ_SEED and its name, so a run narrowed by FUZZ_ROUTES replays the same requests. */
function routeSeed(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return (SEED + hash) | 0;
}

const describeRequest = (req: HostileRequest) =>
  `${req.method} ${req.path.slice(0, 120)} headers=${JSON.stringify(req.headers).slice(0, 300)} body=${req.body?.subarray(0, 120).toString('latin1')}`;

describe('fuzzing every route of both surfaces', () => {
  let stack: TestStack;
  let ctx: FuzzContext;
  let allRoutes: AppRoute[];
  let routes: AppRoute[];

  beforeAll(async () => {
    stack = await TestStack.start();
    const tenant = await createTenant(stack, 'fuzz');
    const tenantAuth = `Token ${tenant.operatorToken}`;
    const api = (method: string, path: string, body: unknown) =>
      http(stack.baseUrl, method, path, { token: null, headers: { authorization: tenantAuth }, body });
    const bucket = await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'fuzzed' });
    const label = await api('POST', '/api/v2/labels', { orgID: tenant.org.id, name: 'fuzzed' });
    const auth = await api('POST', '/api/v2/authorizations', {
      orgID: tenant.org.id,
      permissions: [{ action: 'read', resource: { type: 'orgs' } }],
    });
    // System routes act on an instance of their own, so that a generated block or rename never reaches the tenant's.
    const victim = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'fuzz victim' },
    });
    allRoutes = apiRoutes(stack.api);
    routes = allRoutes.filter((r) => ONLY.test(`${r.method} ${r.path}`));
    ctx = {
      fields: dtoFieldNames(),
      routeFields: routeFields(stack.api),
      systemAuth: `Bearer ${SYSTEM_TOKEN}`,
      tenantAuth,
      tenantHost: tenant.domain,
      realIds: {
        orgID: [tenant.org.id],
        bucketID: [bucket.body.id],
        labelID: [label.body.label.id],
        authID: [auth.body.id],
        // The human admin, never the machine user whose token the fuzzer uses (it could make itself inactive).
        userID: [tenant.admin.id],
        instanceId: [victim.body.instanceId],
        id: [victim.body.instanceId],
      },
    };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it(`answers ${RUNS} hostile requests per route with no 5xx and errors in the surface's format (seed ${SEED})`, async () => {
    expect(allRoutes.length).toBeGreaterThan(40);
    // Every route's DTO fields were found: the route table and Nest's metadata agree.
    expect(routes.filter((r) => !ctx.routeFields.has(`${r.method} ${r.path}`))).toEqual([]);
    const tallies = new Map<string, Tally>();
    const failures: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const seed = routeSeed(name);
      const tally: Tally = { requests: 0, ok: 0, clientErrors: 0, serverErrors: 0 };
      tallies.set(name, tally);
      const property = fc.asyncProperty(hostileRequest(route, ctx), async (req) => {
        tally.requests++;
        const res = await http(stack.baseUrl, req.method, req.path, {
          token: null,
          headers: req.headers,
          rawBody: req.body,
          timeoutMs: 15_000,
        }).catch((error: Error) => {
          throw new Error(`${error.message}\n  request: ${describeRequest(req)}`);
        });
        if (res.status >= 500) tally.serverErrors++;
        else if (res.status >= 400) tally.clientErrors++;
        else tally.ok++;
        const wrong = violation(req, res);
        if (wrong) throw new Error(`${wrong}\n  request: ${describeRequest(req)}`);
      });
      // No shrinking, to stay fast: the failing request is printed as it was sent.
      const details = await fc.check(property, { numRuns: RUNS, seed, endOnFailure: true });
      if (details.failed)
        failures.push(
          `${name} (FUZZ_SEED=${SEED}, route seed ${seed}): ${String(details.errorInstance).slice(0, 900)}`,
        );
    }

    const rows = [...tallies].map(
      ([name, t]) =>
        `${name.padEnd(62)} ${String(t.requests).padStart(5)} ${String(t.ok).padStart(5)} ${String(t.clientErrors).padStart(5)} ${String(t.serverErrors).padStart(5)}`,
    );
    const total = [...tallies.values()].reduce(
      (sum, t) => ({ requests: sum.requests + t.requests, serverErrors: sum.serverErrors + t.serverErrors }),
      { requests: 0, serverErrors: 0 },
    );
    process.stdout.write(
      `\nFuzz (seed ${SEED}, ${RUNS} runs per route, ${routes.length} routes): ${total.requests} requests, ${total.serverErrors} answered 5xx\n` +
        `${'route'.padEnd(62)}  reqs   2xx   4xx   5xx\n${rows.join('\n')}\n`,
    );

    expect((await http(stack.baseUrl, 'GET', '/healthz', { token: null })).status).toBe(200);
    expect((await http(stack.baseUrl, 'GET', '/system/v1/healthz', { token: null })).status).toBe(200);
    expect(
      (await http(stack.baseUrl, 'GET', '/api/v2/orgs', { token: null, headers: { authorization: ctx.tenantAuth } }))
        .status,
    ).toBe(200);
    expect(failures).toEqual([]);
  }, 600_000);
});
