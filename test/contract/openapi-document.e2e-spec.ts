import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { ROUTE_ANSWERS } from '../../apps/api/src/observability/openapi/route-answers';
import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { validateOpenApi } from '../support/validate-openapi';

/**
 * Routes the document leaves out on purpose: its own UI and files, the InfluxDB routes only linked to (404), the
 * catch-all of unimplemented ZITADEL methods (501), the operator console's own routes (the page's, not an API), and the
 * OAuth issuer's endpoints, which describe themselves in their discovery document (/.well-known/openid-configuration).
 */
const UNDOCUMENTED =
  /^(GET \/(docs|openapi|\.well-known\/)|POST \/oauth\/|[A-Z-]+ \/console\/|[A-Z-]+ \/system\/v1\/\*path|[A-Z-]+ \/api\/v2\/(write|query|tasks|dashboards|orgs\/\{orgID\}\/(secrets|labels)))/;
/** Routes without credentials: decided here, not read from the code under test. */
const PUBLIC = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /system/v1/healthz',
  'GET /api/v2/setup',
  'POST /api/v2/setup',
  'GET /api/v2/setup/operations/{operationId}',
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const template = (path: string) =>
  path
    .replace(/:(\w+)/g, '{$1}')
    .replace(/\/+/g, '/')
    .replace(/(.)\/$/, '$1');

/** Every route the running app serves, from Express's router. */
function expressRoutes(stack: TestStack): string[] {
  const express = stack.api.getHttpAdapter().getInstance();
  const router = express.router ?? express._router;
  return (
    router.stack
      // '/{*path}' on every method is Nest's middleware for all routes (request logging), not a route.
      .filter((layer: any) => layer.route && layer.route.path !== '/{*path}')
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          (m) => `${m === '_all' ? 'ALL' : m.toUpperCase()} ${template(layer.route.path)}`,
        ),
      )
  );
}

/** Route -> whether its handler reads a @Body(), from Nest's controller metadata. */
function nestRoutesTakingBody(stack: TestStack): Map<string, boolean> {
  const routes = new Map<string, boolean>();
  for (const module of stack.api.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as any;
      const prefixes = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat();
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)];
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {};
        const takesBody = Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
        for (const prefix of prefixes) {
          for (const path of [Reflect.getMetadata(PATH_METADATA, handler)].flat())
            routes.set(`${method} ${template(`/${prefix}/${path}`)}`, takesBody);
        }
      }
    }
  }
  return routes;
}

function documentedRoutes(doc: any): Map<string, any> {
  const routes = new Map<string, any>();
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of METHODS) if (item[method]) routes.set(`${method.toUpperCase()} ${path}`, item[method]);
  }
  return routes;
}

function resolve(doc: any, schema: any): any {
  return schema?.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
}

describe('the OpenAPI document (/openapi.json)', () => {
  let stack: TestStack;
  let doc: any;
  let documented: Map<string, any>;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const res = await http(stack.baseUrl, 'GET', '/openapi.json', { token: null });
    expect(res.status).toBe(200);
    doc = res.body;
    documented = documentedRoutes(doc);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('validates as an OpenAPI 3 document', () => {
    const result = validateOpenApi(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.0\./);
  });

  it('documents every route the app serves, and nothing else', () => {
    const served = expressRoutes(stack).filter((route) => !UNDOCUMENTED.test(route));
    expect(served.length).toBeGreaterThan(70);
    expect([...documented.keys()].sort()).toEqual([...new Set(served)].sort());
    // Nest's metadata agrees with Express about what is routed.
    expect([...nestRoutesTakingBody(stack).keys()].filter((r) => !UNDOCUMENTED.test(r)).sort()).toEqual(
      [...documented.keys()].sort(),
    );
  });

  it('gives a request schema with properties to every route that reads a body, and to no other', () => {
    const missing: string[] = [];
    for (const [route, takesBody] of nestRoutesTakingBody(stack)) {
      if (UNDOCUMENTED.test(route)) continue;
      const schema = resolve(doc, documented.get(route).requestBody?.content?.['application/json']?.schema);
      if (takesBody !== (schema !== undefined))
        missing.push(`${route}: body ${takesBody}, schema ${JSON.stringify(schema)}`);
      else if (takesBody && Object.keys(schema.properties ?? {}).length === 0)
        missing.push(`${route}: schema without properties`);
    }
    expect(missing).toEqual([]);
    const create = resolve(
      doc,
      documented.get('POST /system/v1/instances/_create').requestBody.content['application/json'].schema,
    );
    expect(resolve(doc, create.properties.human).properties.userName).toMatchObject({ type: 'string', minLength: 1 });
  });

  it("gives every route a successful answer with a schema (204 has no body) and its surface's error bodies", () => {
    const problems: string[] = [];
    for (const [route, operation] of documented) {
      const statuses = Object.keys(operation.responses);
      const successes = statuses.filter((s) => /^2/.test(s));
      if (successes.length === 0) problems.push(`${route}: no successful answer`);
      for (const status of successes) {
        const content = operation.responses[status].content;
        if (
          status === '204'
            ? content !== undefined
            : !content || !Object.values<any>(content).every((m) => resolve(doc, m.schema))
        ) {
          problems.push(`${route}: ${status} ${JSON.stringify(content)}`);
        }
      }
      const errorSchema = route.includes(' /api/v2/') ? 'Error' : 'SystemError';
      const errors = statuses.filter(
        (s) => /^[45]/.test(s) && !(route.endsWith('/readyz') || route.endsWith('/healthz')),
      );
      if (PUBLIC.includes(route) && !route.includes('/api/v2/')) continue;
      if (!errors.includes('404') || !errors.includes('500')) problems.push(`${route}: errors ${errors}`);
      for (const status of errors) {
        if (
          operation.responses[status].content['application/json'].schema.$ref !== `#/components/schemas/${errorSchema}`
        )
          problems.push(`${route}: ${status} body`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(ROUTE_ANSWERS).filter((route) => !documented.has(route))).toEqual([]);
    expect(Object.keys(documented.get('POST /system/v1/instances/_create').responses)).toEqual(
      expect.arrayContaining(['200', '202', '400', '401', '409', '422']),
    );
    expect(Object.keys(documented.get('POST /api/v2/buckets').responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '404', '422']),
    );
    expect(documented.get('DELETE /api/v2/buckets/{bucketID}').responses['204']).toBeDefined();
    expect(documented.get('POST /api/v2/setup').responses['202'].headers).toHaveProperty('X-Operation-Claim');
  });

  it("requires the surface's credentials on every route but the public ones", () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    const wrong: string[] = [];
    for (const [route, operation] of documented) {
      const security: Record<string, string[]>[] | undefined = operation.security;
      if (PUBLIC.includes(route)) {
        if (security?.length) wrong.push(`${route} is public but has ${JSON.stringify(security)}`);
        continue;
      }
      const expected = route.includes(' /system/v1/')
        ? 'system'
        : route === 'POST /api/v2/signin'
          ? 'basic'
          : route === 'PUT /api/v2/me/password'
            ? 'session'
            : 'tenant';
      if (!security?.some((requirement) => expected in requirement))
        wrong.push(`${route}: ${JSON.stringify(security)}`);
      for (const requirement of security ?? [])
        for (const name of Object.keys(requirement))
          if (!schemes.includes(name)) wrong.push(`${route}: unknown scheme ${name}`);
    }
    expect(wrong).toEqual([]);
    expect(doc.components.securitySchemes.system).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.tenant).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    });
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    expect([...new Set(refs)].filter((name) => !(name in doc.components.schemas))).toEqual([]);
  });

  it('describes query parameters with defaults as optional', () => {
    const limit = documented.get('GET /api/v2/buckets').parameters.find((p: any) => p.name === 'limit');
    expect(limit).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'number', default: 20, maximum: 100 },
    });
  });

  it('describes what the System API really answers (each answer validated against its documented schema)', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const failures: string[] = [];
    const call = async (
      method: string,
      path: string,
      templatePath: string,
      options: Parameters<typeof http>[3] = {},
    ) => {
      const res = await http(stack.baseUrl, method, path, options);
      const schema = documented.get(`${method} ${templatePath}`).responses[res.status]?.content?.['application/json']
        ?.schema;
      if (!schema) failures.push(`${method} ${path}: undocumented status ${res.status}`);
      else if (!ajv.validate({ $ref: `doc${schema.$ref}` }, res.body))
        failures.push(`${method} ${path} ${res.status}: ${ajv.errorsText()}`);
      return res;
    };
    const created = await call('POST', '/system/v1/instances/_create', '/system/v1/instances/_create', {
      body: { instanceName: 'Documented', human: { userName: 'x' } },
      headers: { Prefer: 'respond-async' },
    });
    await call('POST', '/system/v1/instances/_create', '/system/v1/instances/_create', { body: { instanceName: '' } });
    await call('POST', '/system/v1/instances/_create', '/system/v1/instances/_create', {
      body: { instanceName: 'Documented' },
      headers: { Prefer: 'respond-async' },
    });
    const { id: operationId, instanceId } = created.body;
    await call('GET', `/system/v1/operations/${operationId}`, '/system/v1/operations/{operationId}');
    await call('GET', '/system/v1/operations', '/system/v1/operations');
    await call('GET', `/system/v1/instances/${instanceId}`, '/system/v1/instances/{instanceId}');
    await call('GET', '/system/v1/instances/0000000000000000', '/system/v1/instances/{instanceId}');
    await call('GET', '/system/v1/instances/0000000000000000', '/system/v1/instances/{instanceId}', { token: null });
    await call('POST', '/system/v1/instances/_search', '/system/v1/instances/_search', { body: {} });
    await call('GET', `/system/v1/instances/${instanceId}/limits`, '/system/v1/instances/{instanceId}/limits');
    await call('POST', '/system/v1/domains/example.com/_exists', '/system/v1/domains/{domain}/_exists');
    const hook = await call('POST', '/system/v1/webhooks', '/system/v1/webhooks', {
      body: { url: 'https://example.com/hook', eventTypes: ['instance.created'] },
    });
    await call('GET', '/system/v1/webhooks', '/system/v1/webhooks');
    await call(
      'GET',
      `/system/v1/webhooks/${hook.body.webhook.id}/deliveries`,
      '/system/v1/webhooks/{webhookId}/deliveries',
    );
    await call('GET', '/system/v1/healthz', '/system/v1/healthz', { token: null });
    await call('GET', '/api/v2/setup', '/api/v2/setup', { token: null });
    await call('GET', '/api/v2/buckets', '/api/v2/buckets', { token: null });
    expect(failures).toEqual([]);
  });
});
