import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

/** Issue 9, finding 5: hostile input is a 4xx in the error format of its surface, never a 500. */
describe('hostile input: 4xx in the right format, never a 5xx', () => {
  let stack: TestStack;
  let tenant: TestTenant;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: true });
    tenant = await createTenant(stack, 'hostile');
  });

  afterAll(async () => {
    await stack.stop();
  });

  const tenantApi = (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
    http(stack.baseUrl, method, path, {
      token: null,
      ...options,
      headers: { authorization: `Token ${tenant.operatorToken}`, ...options.headers },
    });

  /** The surface's error body: gRPC-style on the System API, InfluxDB's on the tenant API. */
  function expectSurfaceError(path: string, res: HttpAnswer, status: number, influxCode?: string): void {
    expect(res.status).toBe(status);
    if (path.startsWith('/api/')) {
      expect(res.body).toEqual({ code: influxCode ?? expect.any(String), message: expect.any(String) });
      expect(res.headers.get('x-platform-error-code')).toBe(res.body.code);
    } else {
      expect(res.body).toEqual({ code: expect.any(Number), message: expect.any(String), details: expect.any(Array) });
    }
  }

  /** Each test checks only the log lines written since it started. */
  let logMark = 0;
  beforeEach(() => {
    logMark = stack?.logs.lines.length ?? 0;
  });
  const noUnhandledErrors = () => expect(stack.logs.lines.slice(logMark).join('')).not.toContain('unhandled error');

  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const jsonRoutes = [
    '/system/v1/instances/_create',
    '/system/v1/webhooks',
    '/api/v2/setup',
    '/api/v2/signin',
    '/api/v2/orgs',
    '/api/v2/buckets',
  ];

  describe('JSON bodies', () => {
    it.each(jsonRoutes)('refuses JSON nested 3,000 levels deep on %s, without auth, with 400', async (path) => {
      const res = await http(stack.baseUrl, 'POST', path, { token: null, rawBody: nested(3000) });
      expectSurfaceError(path, res, 400, 'invalid');
      expect(res.body.message).toMatch(/nested/);
      noUnhandledErrors();
    });

    it('accepts 64 levels of nesting and refuses 65', async () => {
      const at = (depth: number) => `{"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
      const ok = await http(stack.baseUrl, 'POST', '/system/v1/domains/deep.example/_exists', { rawBody: at(64) });
      expect(ok.status).toBe(200);
      const deep = await http(stack.baseUrl, 'POST', '/system/v1/domains/deep.example/_exists', { rawBody: at(65) });
      expectSurfaceError('/system', deep, 400);
      // Brackets inside strings are text, not nesting.
      const inString = await http(stack.baseUrl, 'POST', '/system/v1/domains/deep.example/_exists', {
        rawBody: JSON.stringify({ x: '['.repeat(500) }),
      });
      expect(inString.status).toBe(200);
    });

    it.each([
      ['a lone high surrogate in an org name', '/api/v2/orgs', '{"name":"\\ud800"}'],
      ['a lone low surrogate in an org name', '/api/v2/orgs', '{"name":"x\\udc00y"}'],
      ['a NUL in a label property key', '/api/v2/labels', '{"orgID":"ORG","name":"l","properties":{"k\\u0000":"v"}}'],
      [
        'a lone surrogate in a label property key',
        '/api/v2/labels',
        '{"orgID":"ORG","name":"l","properties":{"\\ud800":"v"}}',
      ],
      [
        'a NUL deep in an array',
        '/api/v2/buckets',
        '{"orgID":"ORG","name":"b","retentionRules":[{"type":"exp\\u0000ire"}]}',
      ],
    ])('refuses %s with 400 invalid', async (_what, path, raw) => {
      const res = await tenantApi('POST', path, { rawBody: raw.replace('ORG', tenant.org.id) });
      expectSurfaceError(path, res, 400, 'invalid');
      noUnhandledErrors();
    });

    it('refuses a lone surrogate in an instance name with 400 (code 3)', async () => {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        rawBody: '{"instanceName":"a\\ud800"}',
      });
      expectSurfaceError('/system', res, 400);
      expect(res.body.code).toBe(3);
    });

    it('keeps a well-formed surrogate pair (an emoji)', async () => {
      const res = await tenantApi('POST', '/api/v2/orgs', { rawBody: '{"name":"rocket \\ud83d\\ude80"}' });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('rocket 🚀');
    });
  });

  describe('content types and encodings', () => {
    it.each(['/system/v1/instances/_create', '/api/v2/orgs'])(
      'answers 415 for a latin1 charset on %s',
      async (path) => {
        const res = await http(stack.baseUrl, 'POST', path, {
          rawBody: '{}',
          headers: { 'content-type': 'application/json; charset=latin1' },
        });
        expectSurfaceError(path, res, 415, 'unsupported media type');
        noUnhandledErrors();
      },
    );

    const corrupt = Buffer.from('this is not compressed at all');
    it.each([
      ['deflate', corrupt],
      ['br', corrupt],
      ['gzip', corrupt],
      ['gzip', gzipSync(Buffer.from('{"name":')).subarray(0, 12)],
    ])('answers 400 for a corrupt %s body', async (encoding, body) => {
      for (const path of ['/system/v1/instances/_create', '/api/v2/orgs']) {
        const res = await http(stack.baseUrl, 'POST', path, {
          rawBody: body,
          headers: { 'content-encoding': encoding },
        });
        expectSurfaceError(path, res, 400, 'invalid');
      }
      noUnhandledErrors();
    });

    it('decodes valid deflate, br and gzip bodies', async () => {
      for (const [encoding, zip] of [
        ['deflate', deflateSync],
        ['br', brotliCompressSync],
        ['gzip', gzipSync],
      ] as const) {
        const res = await tenantApi('POST', '/api/v2/orgs', {
          rawBody: zip(Buffer.from(JSON.stringify({ name: `zipped ${encoding}` }))),
          headers: { 'content-encoding': encoding },
        });
        expect(res.status).toBe(201);
      }
    });

    it('answers 415 for an unknown content encoding', async () => {
      for (const path of ['/system/v1/instances/_create', '/api/v2/orgs']) {
        const res = await http(stack.baseUrl, 'POST', path, {
          rawBody: '{}',
          headers: { 'content-encoding': 'compress' },
        });
        expectSurfaceError(path, res, 415, 'unsupported media type');
      }
      noUnhandledErrors();
    });
  });

  describe('query strings', () => {
    it.each([
      '/api/v2/buckets?name=%00',
      '/api/v2/buckets?org=a%00b',
      '/api/v2/orgs?org=%00',
      '/api/v2/users?name=%00',
      '/api/v2/labels?name=%00',
      '/api/v2/authorizations?user=%00',
      '/api/v2/authorizations?org=%00',
    ])('refuses a NUL in %s with 400 invalid', async (path) => {
      expectSurfaceError(path, await tenantApi('GET', path), 400, 'invalid');
      noUnhandledErrors();
    });

    it('refuses a NUL in a System API query with 400 (code 3)', async () => {
      const res = await http(stack.baseUrl, 'GET', '/system/v1/operations?instanceId=%00');
      expectSurfaceError('/system', res, 400);
    });

    it.each(['buckets', 'orgs', 'users'])(
      'refuses offset=99999999999999999999 on %s with 400 invalid',
      async (what) => {
        for (const query of [
          'offset=99999999999999999999',
          'offset=1000001',
          'limit=99999999999999999999',
          'offset=-1',
          'offset=1e3',
        ]) {
          const res = await tenantApi('GET', `/api/v2/${what}?${query}`);
          expectSurfaceError('/api/', res, 400, 'invalid');
        }
        expect((await tenantApi('GET', `/api/v2/${what}?offset=1000000`)).status).toBe(200);
        noUnhandledErrors();
      },
    );

    it('refuses an offset beyond the maximum in _search with 400 (code 3)', async () => {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
        body: { query: { offset: 1e20 } },
      });
      expectSurfaceError('/system', res, 400);
    });
  });

  describe('numbers beyond the columns', () => {
    it('refuses instance limits beyond a 32-bit integer with 400 (code 3)', async () => {
      for (const field of ['maxUsers', 'maxOrgs', 'maxBuckets']) {
        const res = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${tenant.instanceId}/limits`, {
          body: { [field]: 2 ** 31 },
        });
        expectSurfaceError('/system', res, 400);
      }
      noUnhandledErrors();
    });

    it('refuses an onboarding bucket quota beyond a 32-bit integer with 400 invalid', async () => {
      const body = { username: 'u', org: 'o', bucket: 'b', limit: { bucket: { maxBuckets: 2 ** 31 } } };
      // The default instance (BASE_DOMAIN) still awaits its setup.
      const res = await http(stack.baseUrl, 'POST', '/api/v2/setup', {
        token: null,
        headers: { host: 'test.localhost' },
        body,
      });
      expectSurfaceError('/api/', res, 400, 'invalid');
      noUnhandledErrors();
    });
  });

  describe('found by the fuzz suite', () => {
    it('refuses an authorization status of null with 400 invalid (FUZZ_SEED=31337)', async () => {
      const permissions = [{ action: 'read', resource: { type: 'orgs' } }];
      const auth = await tenantApi('POST', '/api/v2/authorizations', { body: { orgID: tenant.org.id, permissions } });
      for (const status of [null, 'paused']) {
        const res = await tenantApi('PATCH', `/api/v2/authorizations/${auth.body.id}`, { body: { status } });
        expectSurfaceError('/api/', res, 400, 'invalid');
      }
      noUnhandledErrors();
    });
  });

  describe('what Node itself refuses', () => {
    it.each(['/system/v1/instances', '/api/v2/orgs'])(
      'answers headers over 16 KiB on %s with 431 in the surface format',
      async (path) => {
        const res = await http(stack.baseUrl, 'GET', path, {
          token: null,
          headers: { 'x-big': 'x'.repeat(20_000), connection: 'close' },
        });
        expectSurfaceError(path, res, 431);
      },
    );
  });

  describe('path parameters', () => {
    it.each(
      [
        '/api/v2/buckets/%00',
        '/api/v2/buckets/%ff',
        '/api/v2/orgs/%E0%A4%A',
        `/api/v2/users/${'a'.repeat(5000)}`,
        '/api/v2/labels/%ED%A0%80',
        '/system/v1/instances/%00',
        '/system/v1/operations/%ff',
        `/system/v1/instances/${'f'.repeat(5000)}/domains/_search`,
        '/system/v1/webhooks/%00',
      ].map((path) => [path.slice(0, 40), path]),
    )('answers %s with a 4xx', async (_name, path) => {
      const method = path.endsWith('_search') ? 'POST' : 'GET';
      const res = path.startsWith('/api/') ? await tenantApi(method, path) : await http(stack.baseUrl, method, path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expectSurfaceError(path, res, res.status);
      noUnhandledErrors();
    });
  });
});
