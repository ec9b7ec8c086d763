import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

/** Issue 9, finding 10: every text a tenant stores has a documented limit (400 invalid), and errors stay short. */
describe('text limits of the tenant API', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let bucketId: string;
  let authId: string;
  let labelId: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'limits');
    bucketId = (await api('POST', '/api/v2/buckets', { orgID: tenant.org.id, name: 'limited' })).body.id;
    const permissions = [{ action: 'read', resource: { type: 'buckets', orgID: tenant.org.id } }];
    authId = (await api('POST', '/api/v2/authorizations', { orgID: tenant.org.id, permissions })).body.id;
    labelId = (await api('POST', '/api/v2/labels', { orgID: tenant.org.id, name: 'limited' })).body.label.id;
  });

  afterAll(async () => {
    await stack.stop();
  });

  const api = (method: string, path: string, body?: unknown) =>
    http(stack.baseUrl, method, path, {
      token: null,
      headers: { authorization: `Token ${tenant.operatorToken}` },
      body,
    });

  /** A marker that a short prefix may repeat, followed by a long tail that no message may. */
  const hostile = (length: number) => 'MARK' + 'x'.repeat(length - 4);

  async function expectRefused(method: string, path: string, body: unknown, field: RegExp) {
    const res = await api(method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid');
    expect(res.body.message).toMatch(field);
    expect(res.body.message.length).toBeLessThan(300);
    expect(res.body.message).not.toContain('x'.repeat(100));
  }

  const org = () => tenant.org.id;
  it.each([
    [
      'an org description of 1,025 characters',
      'POST',
      () => '/api/v2/orgs',
      () => ({ name: 'described', description: hostile(1025) }),
      /description/,
    ],
    [
      'a 100 KB org description on update',
      'PATCH',
      () => `/api/v2/orgs/${org()}`,
      () => ({ description: hostile(100_000) }),
      /description/,
    ],
    [
      'a bucket description of 1,025 characters',
      'POST',
      () => '/api/v2/buckets',
      () => ({ orgID: org(), name: 'b1', description: hostile(1025) }),
      /description/,
    ],
    [
      'a 100 KB bucket description on update',
      'PATCH',
      () => `/api/v2/buckets/${bucketId}`,
      () => ({ description: hostile(100_000) }),
      /description/,
    ],
    [
      'a bucket rp of 256 characters',
      'POST',
      () => '/api/v2/buckets',
      () => ({ orgID: org(), name: 'b2', rp: hostile(256) }),
      /rp/,
    ],
    [
      'a 100 KB bucket name starting with _',
      'POST',
      () => '/api/v2/buckets',
      () => ({ orgID: org(), name: '_' + hostile(100_000) }),
      /name/,
    ],
    [
      'an authorization description of 1,025 characters',
      'POST',
      () => '/api/v2/authorizations',
      () => ({
        orgID: org(),
        description: hostile(1025),
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID: org() } }],
      }),
      /description/,
    ],
    [
      'a 100 KB authorization description on update',
      'PATCH',
      () => `/api/v2/authorizations/${authId}`,
      () => ({ description: hostile(100_000) }),
      /description/,
    ],
    [
      'a label with 20,000 properties',
      'POST',
      () => '/api/v2/labels',
      () => ({
        orgID: org(),
        name: 'many',
        properties: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 'v'])),
      }),
      /properties/,
    ],
    [
      'a label with 65 properties',
      'POST',
      () => '/api/v2/labels',
      () => ({
        orgID: org(),
        name: 'many',
        properties: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])),
      }),
      /64 properties/,
    ],
    [
      'a label property key of 65 characters',
      'POST',
      () => '/api/v2/labels',
      () => ({ orgID: org(), name: 'k', properties: { [hostile(65)]: 'v' } }),
      /keys/,
    ],
    [
      'a label property value of 1,025 characters',
      'POST',
      () => '/api/v2/labels',
      () => ({ orgID: org(), name: 'v', properties: { color: hostile(1025) } }),
      /properties/,
    ],
    [
      'a label update that makes 65 properties',
      'PATCH',
      () => `/api/v2/labels/${labelId}`,
      () => ({ properties: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) }),
      /64 properties/,
    ],
    [
      'an onboarding org name of 256 characters',
      'POST',
      () => '/api/v2/setup',
      () => ({ username: 'u', org: hostile(256), bucket: 'b', password: 'long-enough-1' }),
      /org/,
    ],
  ])('refuses %s with 400 invalid and a short message', async (_what, method, path, body, field) => {
    await expectRefused(method, path(), body(), field);
  });

  it('accepts texts at the limits', async () => {
    expect((await api('POST', '/api/v2/orgs', { name: 'at-limit', description: 'd'.repeat(1024) })).status).toBe(201);
    expect(
      (
        await api('POST', '/api/v2/buckets', {
          orgID: org(),
          name: 'at-limit',
          description: 'd'.repeat(1024),
          rp: 'r'.repeat(255),
        })
      ).status,
    ).toBe(201);
    const properties = Object.fromEntries(
      Array.from({ length: 64 }, (_, i) => [`${i}`.padEnd(64, 'k'), 'v'.repeat(1024)]),
    );
    const label = await api('POST', '/api/v2/labels', { orgID: org(), name: 'at-limit', properties });
    expect(label.status).toBe(201);
    expect(Object.keys(label.body.label.properties)).toHaveLength(64);
  });

  it('counts characters, not UTF-16 units: 1,024 emoji are a valid description', async () => {
    const res = await api('PATCH', `/api/v2/orgs/${org()}`, { description: '🚀'.repeat(1024) });
    expect(res.status).toBe(200);
  });

  it('does not repeat a long unknown id in a not-found message', async () => {
    const res = await api('GET', `/api/v2/orgs?org=${hostile(5000)}`);
    expect(res.status).toBe(404);
    expect(res.body.message.length).toBeLessThan(200);
  });
});
