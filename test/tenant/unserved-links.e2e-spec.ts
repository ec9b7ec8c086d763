import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

/**
 * InfluxDB's contract makes orgs and buckets link to routes of a full InfluxDB (write, tasks, dashboards, org
 * secrets and labels) that this service does not serve: they answer a clear 404 in InfluxDB's error format.
 */
const UNSERVED_LINKS = ['org.tasks', 'org.dashboards', 'org.secrets', 'org.labels', 'bucket.write'];

describe('links to InfluxDB routes the service does not serve', () => {
  let stack: TestStack;
  let tenant: TestTenant;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'links');
  });

  afterAll(async () => {
    await stack.stop();
  });

  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    http(stack.baseUrl, method, path, {
      token: null,
      headers: { authorization: `Token ${tenant.operatorToken}`, ...headers },
      body,
    });

  function expectNotServed(res: Awaited<ReturnType<typeof api>>, path: string): void {
    expect({ path, status: res.status }).toEqual({ path, status: 404 });
    expect(res.body).toEqual({ code: 'not found', message: expect.stringContaining('is not served by this service') });
    expect(res.body.message).toContain(path.split('?')[0]);
    expect(res.headers.get('x-platform-error-code')).toBe('not found');
  }

  it('answers every link of an org and of a bucket: 200 where served, else a 404 that says so', async () => {
    const org = (await api('GET', `/api/v2/orgs/${tenant.org.id}`)).body;
    const bucket = (await api('GET', '/api/v2/buckets?limit=1')).body.buckets[0];
    const links: [string, string][] = [
      ...Object.entries<string>(org.links).map(([name, link]): [string, string] => [`org.${name}`, link]),
      ...Object.entries<string>(bucket.links).map(([name, link]): [string, string] => [`bucket.${name}`, link]),
    ];
    expect(links.map(([name]) => name)).toEqual(expect.arrayContaining(UNSERVED_LINKS));
    for (const [name, link] of links) {
      const res = await api('GET', link);
      if (UNSERVED_LINKS.includes(name)) expectNotServed(res, link);
      else expect({ link, status: res.status }).toEqual({ link, status: 200 });
    }
  });

  it('answers the other methods and sub-paths of those routes the same way, with or without a token', async () => {
    const lineProtocol = {
      token: null,
      rawBody: 'cpu value=1',
      headers: { authorization: `Token ${tenant.operatorToken}`, 'content-type': 'text/plain' },
    };
    expectNotServed(
      await http(stack.baseUrl, 'POST', `/api/v2/write?org=${tenant.org.id}&bucket=b&precision=s`, lineProtocol),
      '/api/v2/write',
    );
    expectNotServed(await api('POST', '/api/v2/query', { query: 'buckets()' }), '/api/v2/query');
    expectNotServed(await api('DELETE', '/api/v2/tasks/0123456789abcdef/runs'), '/api/v2/tasks/0123456789abcdef/runs');
    expectNotServed(
      await api('PATCH', `/api/v2/orgs/${tenant.org.id}/secrets`, { key: 'value' }),
      `/api/v2/orgs/${tenant.org.id}/secrets`,
    );
    expectNotServed(await http(stack.baseUrl, 'GET', '/api/v2/dashboards', { token: null }), '/api/v2/dashboards');
  });

  it("answers any other unknown tenant route with InfluxDB's 404, and unknown System API routes with gRPC code 5", async () => {
    const tenantMiss = await api('GET', '/api/v2/no-such-route');
    expect(tenantMiss.status).toBe(404);
    expect(tenantMiss.body).toEqual({ code: 'not found', message: expect.stringContaining('/api/v2/no-such-route') });
    expect(tenantMiss.headers.get('x-platform-error-code')).toBe('not found');
    const systemMiss = await http(stack.baseUrl, 'POST', '/system/v1/no-such-route', { body: {} });
    expect(systemMiss.status).toBe(404);
    expect(systemMiss.body).toEqual({
      code: 5,
      message: expect.stringContaining('/system/v1/no-such-route'),
      details: [],
    });
  });
});
