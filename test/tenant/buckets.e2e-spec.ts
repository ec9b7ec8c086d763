import { BucketsAPI } from '@influxdata/influxdb-client-apis';

import { http } from '../support/system-api';
import { createTenant, influxClient, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

describe('InfluxDB buckets: /api/v2/buckets', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let buckets: BucketsAPI;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'buckets');
    buckets = new BucketsAPI(influxClient(stack, { token: tenant.operatorToken }));
  });

  afterAll(async () => {
    await stack.stop();
  });

  const api = (method: string, path: string, body?: unknown, token = tenant.operatorToken) =>
    http(stack.baseUrl, method, path, { token: null, headers: { authorization: `Token ${token}` }, body });

  it('creates, reads, updates and deletes a bucket with the official client', async () => {
    const created = await buckets.postBuckets({
      body: {
        orgID: tenant.org.id,
        name: 'telemetry',
        description: 'device data',
        retentionRules: [{ type: 'expire', everySeconds: 86400 }],
      },
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      type: 'user',
      name: 'telemetry',
      description: 'device data',
      orgID: tenant.org.id,
      schemaType: 'implicit',
      retentionRules: [{ type: 'expire', everySeconds: 86400, shardGroupDurationSeconds: 3600 }],
      labels: [],
      links: { self: `/api/v2/buckets/${created.id}`, org: `/api/v2/orgs/${tenant.org.id}` },
    });
    expect(await buckets.getBucketsID({ bucketID: created.id! })).toEqual(created);

    const renamed = await buckets.patchBucketsID({ bucketID: created.id!, body: { name: 'telemetry-v2' } });
    expect(renamed).toMatchObject({
      name: 'telemetry-v2',
      description: 'device data',
      retentionRules: [{ everySeconds: 86400 }],
    });
    const longer = await buckets.patchBucketsID({
      bucketID: created.id!,
      body: { retentionRules: [{ type: 'expire', everySeconds: 0 }] },
    });
    expect(longer).toMatchObject({
      name: 'telemetry-v2',
      retentionRules: [{ everySeconds: 0, shardGroupDurationSeconds: 604800 }],
    });

    await buckets.deleteBucketsID({ bucketID: created.id! });
    const gone = await api('GET', `/api/v2/buckets/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ code: 'not found', message: 'bucket not found' });
  });

  it('accepts schemaType explicit and returns it; defaults shard groups as InfluxDB does', async () => {
    const explicit = await api('POST', '/api/v2/buckets', {
      orgID: tenant.org.id,
      name: 'explicit',
      schemaType: 'explicit',
      retentionRules: [{ type: 'expire', everySeconds: 200 * 86400 }],
    });
    expect(explicit.status).toBe(201);
    expect(explicit.body).toMatchObject({
      schemaType: 'explicit',
      retentionRules: [{ everySeconds: 200 * 86400, shardGroupDurationSeconds: 604800 }],
    });
    const infinite = await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'forever' });
    expect(infinite.body.retentionRules).toEqual([
      { type: 'expire', everySeconds: 0, shardGroupDurationSeconds: 604800 },
    ]);
  });

  it.each([
    ['no orgID', { name: 'x' }, 400, 'orgID'],
    ['no name', { orgID: 'ORG' }, 400, 'name'],
    ['an empty name', { orgID: 'ORG', name: '' }, 400, 'name'],
    ['a name starting with _', { orgID: 'ORG', name: '_mine' }, 400, 'underscore'],
    ['a name with a double quote', { orgID: 'ORG', name: 'a"b' }, 400, 'double quote'],
    [
      'two retention rules',
      { orgID: 'ORG', name: 'x', retentionRules: [{ everySeconds: 3600 }, { everySeconds: 7200 }] },
      400,
      'at most one',
    ],
    [
      'a rule that is not expire',
      { orgID: 'ORG', name: 'x', retentionRules: [{ type: 'shrink', everySeconds: 3600 }] },
      400,
      'expire',
    ],
    ['a retention under an hour', { orgID: 'ORG', name: 'x', retentionRules: [{ everySeconds: 59 }] }, 400, '3600'],
    ['a negative retention', { orgID: 'ORG', name: 'x', retentionRules: [{ everySeconds: -5 }] }, 400, 'retention'],
    [
      'a shard group longer than the retention',
      { orgID: 'ORG', name: 'x', retentionRules: [{ everySeconds: 3600, shardGroupDurationSeconds: 7200 }] },
      400,
      'shard group',
    ],
    ['an unknown schemaType', { orgID: 'ORG', name: 'x', schemaType: 'strict' }, 400, 'schemaType'],
    ['a string retention', { orgID: 'ORG', name: 'x', retentionRules: [{ everySeconds: 'day' }] }, 400, 'everySeconds'],
    ['an unknown org', { orgID: '0000000000000000', name: 'x' }, 404, 'organization'],
  ])('refuses a bucket with %s', async (_, body, status, named) => {
    const withOrg = JSON.parse(JSON.stringify(body).replace('"ORG"', `"${tenant.org.id}"`));
    const res = await api('POST', '/api/v2/buckets', withOrg);
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(named);
    expect(res.headers.get('x-platform-error-code')).toBe(res.body.code);
  });

  it('refuses a duplicate name in the same org with 422 conflict', async () => {
    await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'twice' });
    const again = await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'twice' });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({ code: 'conflict', message: 'bucket with name twice already exists' });
  });

  it('neither renames nor deletes system buckets', async () => {
    const { buckets: system } = await buckets.getBuckets({ orgID: tenant.org.id, name: '_tasks' });
    expect(system![0].type).toBe('system');
    const rename = await api('PATCH', `/api/v2/buckets/${system![0].id}`, { name: 'tasks' });
    expect(rename.status).toBe(400);
    const remove = await api('DELETE', `/api/v2/buckets/${system![0].id}`);
    expect(remove.status).toBe(400);
    expect(remove.body.message).toContain('system buckets cannot be deleted');
  });

  it('filters by org, orgID, name and id, and answers 404 for an org and name that match nothing', async () => {
    const made = await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'findable' });
    expect((await buckets.getBuckets({ org: tenant.org.name, name: 'findable' })).buckets!.map((b) => b.id)).toEqual([
      made.body.id,
    ]);
    expect((await buckets.getBuckets({ orgID: tenant.org.id, name: 'findable' })).buckets!.map((b) => b.id)).toEqual([
      made.body.id,
    ]);
    expect((await buckets.getBuckets({ id: made.body.id })).buckets!.map((b) => b.name)).toEqual(['findable']);
    const missing = await api('GET', `/api/v2/buckets?org=${encodeURIComponent(tenant.org.name)}&name=nothing`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'not found', message: 'bucket "nothing" not found' });
    const badLimit = await api('GET', '/api/v2/buckets?limit=101');
    expect(badLimit.status).toBe(400);
    expect((await api('GET', '/api/v2/buckets?limit=0')).status).toBe(400);
  });

  it('walks all pages of 250 buckets with limit 100 by following links.next', async () => {
    const other = await createTenant(stack, 'paging');
    const client = new BucketsAPI(influxClient(stack, { token: other.operatorToken }));
    for (let i = 0; i < 250; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          client.postBuckets({ body: { orgID: other.org.id, name: `b-${String(i + j).padStart(3, '0')}` } }),
        ),
      );
    }
    const seen: string[] = [];
    let path: string | undefined = `/api/v2/buckets?orgID=${other.org.id}&limit=100`;
    const pageSizes: number[] = [];
    while (path) {
      const page: { status: number; body: any } = await api('GET', path, undefined, other.operatorToken);
      expect(page.status).toBe(200);
      pageSizes.push(page.body.buckets.length);
      seen.push(...page.body.buckets.map((b: { name: string }) => b.name));
      path = page.body.links.next;
    }
    // 250 user buckets plus _tasks, _monitoring and the default bucket
    expect(pageSizes).toEqual([100, 100, 53]);
    expect(new Set(seen).size).toBe(253);
    const second = await api(
      'GET',
      `/api/v2/buckets?orgID=${other.org.id}&limit=100&offset=100`,
      undefined,
      other.operatorToken,
    );
    expect(second.body.links.prev).toContain('offset=0');
    const descending = await api(
      'GET',
      `/api/v2/buckets?orgID=${other.org.id}&limit=5&descending=true`,
      undefined,
      other.operatorToken,
    );
    const ids = descending.body.buckets.map((b: { id: string }) => b.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const after = await api(
      'GET',
      `/api/v2/buckets?orgID=${other.org.id}&limit=100&after=${ids[4]}&descending=true`,
      undefined,
      other.operatorToken,
    );
    expect(after.body.buckets[0].id < ids[4]).toBe(true);
  }, 120000);

  it('enforces the instance bucket quota with 403 forbidden', async () => {
    const limited = await createTenant(stack, 'quota');
    await stack.db.query('UPDATE instances SET max_buckets = 2 WHERE id = $1', [limited.instanceId]);
    const post = (name: string) =>
      api('POST', '/api/v2/buckets', { orgID: limited.org.id, name }, limited.operatorToken);
    // The default bucket counts: one more fits.
    expect((await post('second')).status).toBe(201);
    const over = await post('third');
    expect(over.status).toBe(403);
    expect(over.body).toEqual({ code: 'forbidden', message: 'bucket quota exceeded' });
  });

  it("takes the bucket quota from the setup body's limit", async () => {
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Quota by setup' },
    });
    const [{ domain }] = await stack.db.query<{ domain: string }>(
      'SELECT domain FROM instance_domains WHERE instance_id = $1',
      [created.body.instanceId],
    );
    const setup = await http(stack.baseUrl, 'POST', '/api/v2/setup', {
      token: null,
      headers: { host: domain },
      body: {
        username: 'q',
        password: 'quota-pass-1',
        org: 'q',
        bucket: 'first',
        limit: { bucket: { maxBuckets: 1 } },
      },
    });
    expect(setup.status).toBe(201);
    const over = await api(
      'POST',
      '/api/v2/buckets',
      { orgID: setup.body.org.id, name: 'second' },
      setup.body.auth.token,
    );
    expect(over.status).toBe(403);
    expect(over.body).toEqual({ code: 'forbidden', message: 'bucket quota exceeded' });
  });

  it("keeps instances apart: another instance's bucket ids are not found", async () => {
    const other = await createTenant(stack, 'isolated');
    const mine = await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'private' });
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'stolen' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await api(method, `/api/v2/buckets/${mine.body.id}`, body, other.operatorToken);
      expect(res.status).toBe(404);
    }
    const list = await api('GET', '/api/v2/buckets?limit=100', undefined, other.operatorToken);
    expect(list.body.buckets.every((b: { orgID: string }) => b.orgID === other.org.id)).toBe(true);
    const intoForeignOrg = await api(
      'POST',
      '/api/v2/buckets',
      { orgID: tenant.org.id, name: 'sneaky' },
      other.operatorToken,
    );
    expect(intoForeignOrg.status).toBe(404);
  });
  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
