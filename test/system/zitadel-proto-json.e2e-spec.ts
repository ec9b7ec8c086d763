import { fromJson, type JsonValue } from '@bufbuild/protobuf';

import { type SystemRoute, systemRoutes } from '../../apps/api/src/system/zitadel/system-service';
import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { type RequestContext, requestFor, REQUESTS, SPELLINGS } from '../support/zitadel-requests';

const shape = (path: string) => path.replace(/\{\w+\}|:\w+/g, '{}').replace(/\/$/, '');

/** "VERB /path/{}" of every route the running Express app serves (the 501 catch-all is not one). */
function servedRoutes(stack: TestStack): Set<string> {
  const express = stack.api.getHttpAdapter().getInstance();
  const routes = new Set<string>();
  for (const layer of express.router.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>) {
    if (!layer.route || !layer.route.path.startsWith('/system/v1/') || layer.route.path.includes('*')) continue;
    for (const method of Object.keys(layer.route.methods))
      routes.add(`${method.toUpperCase()} ${shape(layer.route.path)}`);
  }
  return routes;
}

/**
 * Issue 11, section 1: ZITADEL's clients parse answers with protobuf-es's fromJson, which refuses unknown fields.
 * For every SystemService method in @zitadel/proto that the app serves (matched against its routes, so a new one is
 * included automatically), the request is built with create() + toJson() in each protojson spelling and the answer
 * parsed strictly. Every other method must answer 12 Unimplemented (HTTP 501), never a router 404.
 */
describe('ZITADEL SystemService over REST: exact proto JSON', () => {
  let stack: TestStack;
  let served: SystemRoute[];
  let unserved: SystemRoute[];
  let instanceId: string;
  let ownerUserId: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    const routes = servedRoutes(stack);
    served = systemRoutes().filter((r) => routes.has(`${r.verb} ${shape(r.template)}`));
    unserved = systemRoutes().filter((r) => !served.includes(r));
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('strict'),
    });
    expect(created.status).toBe(200);
    instanceId = created.body.instanceId;
    [{ id: ownerUserId }] = await stack.db.query<{ id: string }>(
      "SELECT id FROM users WHERE instance_id = $1 AND kind = 'human'",
      [instanceId],
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves every method it has a request for, and has a request for every method it serves', () => {
    const servedNames = served.map((r) => r.method.name).sort();
    expect(servedNames).toEqual(expect.arrayContaining(Object.keys(REQUESTS)));
    expect(servedNames.filter((name) => !(name in REQUESTS))).toEqual([]);
  });

  it('answers 12 Unimplemented (HTTP 501) on the route of every other method', async () => {
    const wrong: string[] = [];
    for (const route of unserved) {
      const path = route.template.replace(/\{\w+\}/g, '123');
      const res = await http(stack.baseUrl, route.verb, path, { body: route.body ? {} : undefined });
      if (res.status !== 501 || res.body.code !== 12 || !res.body.message.includes(route.method.name)) {
        wrong.push(`${route.method.name} ${route.verb} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(unserved.map((r) => r.method.name)).toEqual(
      expect.arrayContaining(['ListViews', 'ClearView', 'ListFailedEvents', 'RemoveFailedEvent', 'SetInstanceFeature']),
    );
    // Not a ZITADEL method: still the router's 404.
    expect((await http(stack.baseUrl, 'GET', '/system/v1/no/such/route')).status).toBe(404);
  });

  it.each(SPELLINGS)('answers only fields of the proto messages, for requests in %s', async (spelling) => {
    const suffix = spelling.replace(/\W/g, '');
    const removable = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: `Removable ${suffix}` },
    });
    const context: RequestContext = { instanceId, removableId: removable.body.instanceId, suffix, ownerUserId };
    const failures: string[] = [];
    const byName = new Map(served.map((r) => [r.method.name, r]));
    for (const name of Object.keys(REQUESTS)) {
      const route = byName.get(name);
      if (!route) continue; // reported by the first test
      const { path, body } = requestFor(route, context, spelling);
      const res = await http(stack.baseUrl, route.verb, path, { body });
      if (res.status !== 200) {
        failures.push(
          `${name} ${route.verb} ${path} ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`,
        );
        continue;
      }
      try {
        fromJson(route.method.output, res.body as JsonValue);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message} in ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
