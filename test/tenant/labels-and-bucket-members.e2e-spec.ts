import { BucketsAPI, LabelsAPI } from '@influxdata/influxdb-client-apis';

import { http } from '../support/system-api';
import { createTenant, influxClient, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

describe('InfluxDB labels and bucket labels, members and owners', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let labels: LabelsAPI;
  let buckets: BucketsAPI;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'labels');
    const influx = influxClient(stack, { token: tenant.operatorToken });
    labels = new LabelsAPI(influx);
    buckets = new BucketsAPI(influx);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const api = (method: string, path: string, body?: unknown, token = tenant.operatorToken) =>
    http(stack.baseUrl, method, path, { token: null, headers: { authorization: `Token ${token}` }, body });

  it('creates, lists, changes and deletes labels; names are unique per org whatever their case', async () => {
    const made = await labels.postLabels({
      body: { orgID: tenant.org.id, name: 'Critical', properties: { color: 'ff0000', description: 'urgent' } },
    });
    expect(made.label).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      orgID: tenant.org.id,
      name: 'Critical',
      properties: { color: 'ff0000', description: 'urgent' },
    });
    const dup = await api('POST', '/api/v2/labels', { orgID: tenant.org.id, name: 'critical' });
    expect(dup.status).toBe(422);
    expect(dup.body.code).toBe('conflict');

    expect((await labels.getLabels({ orgID: tenant.org.id })).labels!.map((l) => l.name)).toContain('Critical');
    expect((await labels.getLabelsID({ labelID: made.label!.id! })).label!.name).toBe('Critical');
    const changed = await labels.patchLabelsID({
      labelID: made.label!.id!,
      body: { name: 'Blocker', properties: { description: '' } },
    });
    expect(changed.label).toMatchObject({ name: 'Blocker', properties: { color: 'ff0000' } });
    expect(changed.label!.properties).not.toHaveProperty('description');

    await labels.deleteLabelsID({ labelID: made.label!.id! });
    expect((await api('GET', `/api/v2/labels/${made.label!.id}`)).status).toBe(404);
  });

  it.each([
    ['without orgID', { name: 'x' }, 400],
    ['without name', { orgID: 'ORG' }, 400],
    ['with properties that are not strings', { orgID: 'ORG', name: 'x', properties: { n: 1 } }, 400],
    ['for an unknown org', { orgID: 'ffffffffffffffff', name: 'x' }, 404],
  ])('refuses a label %s', async (_, body, status) => {
    const res = await api(
      'POST',
      '/api/v2/labels',
      JSON.parse(JSON.stringify(body).replace('"ORG"', `"${tenant.org.id}"`)),
    );
    expect(res.status).toBe(status);
  });

  it('puts labels on buckets once, lists and removes them, and drops mappings with the bucket', async () => {
    const bucket = await buckets.postBuckets({ body: { orgID: tenant.org.id, name: 'labelled' } });
    const label = (await labels.postLabels({ body: { orgID: tenant.org.id, name: 'env:prod' } })).label!;
    const added = await buckets.postBucketsIDLabels({ bucketID: bucket.id!, body: { labelID: label.id! } });
    expect(added.label).toMatchObject({ id: label.id, name: 'env:prod' });
    const twice = await api('POST', `/api/v2/buckets/${bucket.id}/labels`, { labelID: label.id });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('conflict');
    expect((await buckets.getBucketsIDLabels({ bucketID: bucket.id! })).labels!.map((l) => l.id)).toEqual([label.id]);
    expect((await buckets.getBucketsID({ bucketID: bucket.id! })).labels!.map((l) => l.id)).toEqual([label.id]);

    await buckets.deleteBucketsIDLabelsID({ bucketID: bucket.id!, labelID: label.id! });
    expect((await buckets.getBucketsIDLabels({ bucketID: bucket.id! })).labels).toEqual([]);
    expect((await api('DELETE', `/api/v2/buckets/${bucket.id}/labels/${label.id}`)).status).toBe(404);

    await buckets.postBucketsIDLabels({ bucketID: bucket.id!, body: { labelID: label.id! } });
    await buckets.postBucketsIDMembers({ bucketID: bucket.id!, body: { id: tenant.admin.id } });
    await buckets.deleteBucketsID({ bucketID: bucket.id! });
    const mappings = await stack.db.query(
      'SELECT 1 FROM bucket_labels WHERE bucket_id = $1 UNION ALL SELECT 1 FROM bucket_members WHERE bucket_id = $1',
      [bucket.id],
    );
    expect(mappings).toHaveLength(0);
    expect((await labels.getLabelsID({ labelID: label.id! })).label!.id).toBe(label.id);
  });

  it('adds, lists and removes bucket members and owners; unknown users are 404, duplicates 422', async () => {
    const bucket = await buckets.postBuckets({ body: { orgID: tenant.org.id, name: 'shared' } });
    const member = await buckets.postBucketsIDMembers({ bucketID: bucket.id!, body: { id: tenant.admin.id } });
    expect(member).toEqual({
      id: tenant.admin.id,
      name: tenant.admin.name,
      status: 'active',
      role: 'member',
      links: { self: `/api/v2/users/${tenant.admin.id}` },
    });
    const again = await api('POST', `/api/v2/buckets/${bucket.id}/members`, { id: tenant.admin.id });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('conflict');
    const unknown = await api('POST', `/api/v2/buckets/${bucket.id}/members`, { id: '0123456789abcdef' });
    expect(unknown.status).toBe(404);

    expect((await buckets.getBucketsIDMembers({ bucketID: bucket.id! })).users!.map((u) => u.id)).toEqual([
      tenant.admin.id,
    ]);
    const owner = await buckets.postBucketsIDOwners({ bucketID: bucket.id!, body: { id: tenant.admin.id } });
    expect(owner.role).toBe('owner');
    expect((await buckets.getBucketsIDMembers({ bucketID: bucket.id! })).users).toEqual([]);
    expect((await buckets.getBucketsIDOwners({ bucketID: bucket.id! })).users!.map((u) => u.id)).toContain(
      tenant.admin.id,
    );

    await buckets.deleteBucketsIDOwnersID({ bucketID: bucket.id!, userID: tenant.admin.id });
    expect((await api('DELETE', `/api/v2/buckets/${bucket.id}/owners/${tenant.admin.id}`)).status).toBe(404);
  });

  it("never shows or changes another instance's labels and mappings", async () => {
    const other = await createTenant(stack, 'other-labels');
    const label = (await labels.postLabels({ body: { orgID: tenant.org.id, name: 'mine' } })).label!;
    const bucket = await buckets.postBuckets({ body: { orgID: tenant.org.id, name: 'mine' } });
    expect((await api('GET', `/api/v2/labels/${label.id}`, undefined, other.operatorToken)).status).toBe(404);
    expect((await api('DELETE', `/api/v2/labels/${label.id}`, undefined, other.operatorToken)).status).toBe(404);
    expect((await api('GET', '/api/v2/labels', undefined, other.operatorToken)).body.labels).toEqual([]);
    expect((await api('GET', `/api/v2/buckets/${bucket.id}/members`, undefined, other.operatorToken)).status).toBe(404);
    const theirBucket = await api(
      'POST',
      '/api/v2/buckets',
      { orgID: other.org.id, name: 'theirs' },
      other.operatorToken,
    );
    const crossLabel = await api(
      'POST',
      `/api/v2/buckets/${theirBucket.body.id}/labels`,
      { labelID: label.id },
      other.operatorToken,
    );
    expect(crossLabel.status).toBe(404);
    const crossUser = await api(
      'POST',
      `/api/v2/buckets/${theirBucket.body.id}/members`,
      { id: tenant.admin.id },
      other.operatorToken,
    );
    expect(crossUser.status).toBe(404);
  });
  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
