import { InfluxDB } from '@influxdata/influxdb-client';
import { BucketsAPI, SetupAPI } from '@influxdata/influxdb-client-apis';

import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

/**
 * Which instance a tenant request reaches: a token selects its own instance on the service's own address (as InfluxDB
 * Cloud's shared URL does) and on hosts that name no instance; an instance's own domains take only its tokens.
 */
describe('Tenant API routing by host and token', () => {
  let stack: TestStack;
  let a: TestTenant;
  let b: TestTenant;
  let port: string;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { BASE_DOMAIN: 'localhost' } });
    port = new URL(stack.baseUrl).port;
    [a, b] = [await createTenant(stack, 'route-a'), await createTenant(stack, 'route-b')];
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function bucketNames(host: string, token: string): Promise<{ status: number; names?: string[] }> {
    const res = await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
      token: null,
      headers: { host, authorization: `Token ${token}` },
    });
    return { status: res.status, names: res.body.buckets?.map((bucket: { name: string }) => bucket.name) };
  }

  it("lets the official InfluxDB client at http://localhost:<port> use an instance's PAT", async () => {
    const client = new InfluxDB({ url: `http://localhost:${port}`, token: a.operatorToken });
    const buckets = await new BucketsAPI(client).getBuckets({});
    expect(buckets.buckets!.map((bucket) => bucket.orgID)).toEqual(buckets.buckets!.map(() => a.org.id));
    expect(buckets.buckets!.map((bucket) => bucket.name).sort()).toEqual(['_monitoring', '_tasks', 'default']);
  });

  it('selects the instance of the token on BASE_DOMAIN, with or without its port', async () => {
    for (const host of ['localhost', `localhost:${port}`, 'LOCALHOST']) {
      expect(await bucketNames(host, a.operatorToken)).toMatchObject({ status: 200 });
      const seenByB = await http(stack.baseUrl, 'GET', '/api/v2/orgs', {
        token: null,
        headers: { host, authorization: `Token ${b.operatorToken}` },
      });
      expect(seenByB.body.orgs.map((org: { id: string }) => org.id)).toEqual([b.org.id]);
    }
  });

  it('selects the instance of the token on a host that names no instance', async () => {
    expect(await bucketNames('metrics.unknown.example', a.operatorToken)).toMatchObject({ status: 200 });
  });

  it("accepts an instance's token on its own domain and refuses it on another instance's domain", async () => {
    expect(await bucketNames(a.domain, a.operatorToken)).toMatchObject({ status: 200 });
    const elsewhere = await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
      token: null,
      headers: { host: b.domain, authorization: `Token ${a.operatorToken}` },
    });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toEqual({ code: 'unauthorized', message: 'token is not valid for this instance' });
  });

  it('refuses a custom domain of another instance the same way', async () => {
    const added = await http(stack.baseUrl, 'POST', `/system/v1/instances/${b.instanceId}/domains`, {
      body: { domain: 'metrics.b.example' },
    });
    expect(added.status).toBe(200);
    expect((await bucketNames('metrics.b.example', a.operatorToken)).status).toBe(401);
    expect((await bucketNames('metrics.b.example', b.operatorToken)).status).toBe(200);
  });

  it('serves the default instance on BASE_DOMAIN without a token, and 404 on an unknown host', async () => {
    const setup = new SetupAPI(new InfluxDB({ url: `http://localhost:${port}` }));
    expect(await setup.getSetup()).toEqual({ allowed: true });
    const unknown = await http(stack.baseUrl, 'GET', '/api/v2/setup', {
      token: null,
      headers: { host: 'metrics.unknown.example' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('metrics.unknown.example');
  });
});
