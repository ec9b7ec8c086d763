import { fullCreateRequest, http } from '../support/system-api';
import { createTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const COOKIE = 'zitadel.quota.exhausted';
const cookieOf = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));

/** Issue 11, section 2: behaviours ZITADEL's own integration tests assert on the System API. */
describe('ZITADEL System API behaviours', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses an empty query element, lists nothing for a filter that matches nothing, and refuses limit > 1000', async () => {
    const search = (body: object) => http(stack.baseUrl, 'POST', '/system/v1/instances/_search', { body });
    const empty = await search({ queries: [{}] });
    expect(empty).toMatchObject({ status: 400, body: { code: 3 } });
    const none = await search({ queries: [{ idQuery: { ids: ['0000000000000000'] } }] });
    expect(none.status).toBe(200);
    expect(none.body.details.totalResult).toBe('0');
    expect(none.body.result ?? []).toEqual([]);
    expect((await search({ query: { limit: 1001 } })).status).toBe(400);
    expect((await search({ query: { limit: 1000 } })).status).toBe(200);
    const { body } = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Members query' },
    });
    const members = (b: object) =>
      http(stack.baseUrl, 'POST', `/system/v1/instances/${body.instanceId}/members/_search`, { body: b });
    expect((await members({ queries: [{}] })).status).toBe(400);
    expect((await members({ query: { limit: 1001 } })).status).toBe(400);
    expect((await members({ queries: [{ userIdQuery: { userId: '0000000000000000' } }] })).body.result).toEqual([]);
  });

  it('lists the instance owners as ZITADEL members', async () => {
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('members'),
    });
    const id = created.body.instanceId;
    const res = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/members/_search`, {
      body: { query: { asc: true } },
    });
    expect(res.status).toBe(200);
    expect(res.body.details.totalResult).toBe('2');
    // Both owners are created in one transaction, so their order is not defined: compare as a set.
    expect(res.body.result).toHaveLength(2);
    expect(res.body.result).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          roles: ['IAM_OWNER'],
          preferredLoginName: 'alice-members',
          email: 'alice-members@example.com',
          firstName: 'Alice',
          lastName: 'Admin',
          userType: 'TYPE_HUMAN',
        }),
        expect.objectContaining({
          roles: ['IAM_OWNER'],
          preferredLoginName: 'robot-members',
          userType: 'TYPE_MACHINE',
        }),
      ]),
    );
    expect(res.body.result[0].details.resourceOwner).toBe(id);
    const byEmail = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/members/_search`, {
      body: { queries: [{ email_query: { email: 'ALICE-', method: 3 } }] },
    });
    expect(byEmail.body.result.map((m: { preferredLoginName: string }) => m.preferredLoginName)).toEqual([
      'alice-members',
    ]);
    expect(
      (await http(stack.baseUrl, 'POST', '/system/v1/instances/0000000000000000/members/_search', { body: {} })).status,
    ).toBe(404);
  });

  it('keeps an instance blocked when SetLimits omits block; blocked answers 429 with the exhausted cookie, cleared on unblock', async () => {
    const tenant = await createTenant(stack, 'cookie');
    const limits = (body: object) =>
      http(stack.baseUrl, 'PUT', `/system/v1/instances/${tenant.instanceId}/limits`, { body });
    const tenantGet = (cookie?: string) =>
      http(stack.baseUrl, 'GET', '/api/v2/buckets', {
        token: null,
        headers: { authorization: `Token ${tenant.operatorToken}`, ...(cookie ? { cookie } : {}) },
      });
    expect(cookieOf((await tenantGet()).headers)).toBeUndefined();

    expect((await limits({ block: true })).status).toBe(200);
    for (const body of [{}, { maxUsers: 10 }, { block: null }, { auditLogRetention: '3600s' }]) {
      expect((await limits(body)).status).toBe(200);
      const refused = await tenantGet();
      expect(refused.status).toBe(429);
      expect(cookieOf(refused.headers)).toMatch(/^zitadel\.quota\.exhausted=true;.*Path=\//);
      expect(cookieOf(refused.headers)).toMatch(/Max-Age=[1-9]/);
    }
    expect((await limits({ block: false })).status).toBe(200);
    const served = await tenantGet(`${COOKIE}=true`);
    expect(served.status).toBe(200);
    expect(cookieOf(served.headers)).toMatch(/^zitadel\.quota\.exhausted=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('trims surrounding whitespace of domains in create, AddDomain, SetPrimaryDomain, ExistsDomain and RemoveDomain', async () => {
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Trimmed', customDomain: '  trimmed-custom.example.com ' },
    });
    expect(created.status).toBe(200);
    const id = created.body.instanceId;
    const domains = async () =>
      (await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains/_search`, { body: {} })).body.result.map(
        (d: { domain: string }) => d.domain,
      );
    expect(await domains()).toContain('trimmed-custom.example.com');
    const added = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains`, {
      body: { domain: ' trimmed.example.com  ' },
    });
    expect(added.status).toBe(200);
    expect(added.body.details?.sequence).toMatch(/^\d+$/);
    expect(await domains()).toContain('trimmed.example.com');
    const primary = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains/_set_primary`, {
      body: { domain: '\ttrimmed.example.com ' },
    });
    expect(primary.status).toBe(200);
    expect(primary.body.details?.sequence).toMatch(/^\d+$/);
    expect(
      (
        await http(stack.baseUrl, 'POST', `/system/v1/domains/${encodeURIComponent(' trimmed.example.com ')}/_exists`, {
          body: {},
        })
      ).body,
    ).toEqual({ exists: true });
    await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains/_set_primary`, {
      body: { domain: 'trimmed-custom.example.com' },
    });
    const removed = await http(
      stack.baseUrl,
      'DELETE',
      `/system/v1/instances/${id}/domains/${encodeURIComponent(' trimmed.example.com ')}`,
    );
    expect(removed.status).toBe(200);
    expect(await domains()).not.toContain('trimmed.example.com');
  });
});
