import { fullCreateRequest, http } from '../support/system-api';
import { createTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

describe('System API: search, rename, domains and limits of instances', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  const create = async (suffix: string) =>
    (
      await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        body: { instanceName: `Search ${suffix}`, customDomain: `${suffix}.search.example` },
      })
    ).body.instanceId as string;

  it('answers GET /system/v1/healthz without credentials', async () => {
    const res = await http(stack.baseUrl, 'GET', '/system/v1/healthz', { token: null });
    expect(res).toMatchObject({ status: 200, body: {} });
  });

  it('searches instances newest first, pages them, sorts and filters by id and domain', async () => {
    const ids = [];
    for (const s of ['a', 'b', 'c', 'd']) ids.push(await create(s));
    const all = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', { body: {} });
    expect(all.status).toBe(200);
    expect(Number(all.body.details.totalResult)).toBeGreaterThanOrEqual(5); // the default instance too
    const listed = all.body.result.map((i: { id: string }) => i.id);
    expect(listed.slice(0, 4)).toEqual([...ids].reverse());

    const page = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: { query: { offset: 1, limit: 2 } },
    });
    expect(page.body.result.map((i: { id: string }) => i.id)).toEqual(listed.slice(1, 3));
    const byName = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: { query: { asc: true }, sortingColumn: 'FIELD_NAME_NAME', queries: [{ idQuery: { ids } }] },
    });
    expect(byName.body.result.map((i: { name: string }) => i.name)).toEqual([
      'Search a',
      'Search b',
      'Search c',
      'Search d',
    ]);
    expect(byName.body.details.totalResult).toBe('4');
    const byDomain = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: { queries: [{ domainQuery: { domains: ['C.search.example'] } }] },
    });
    expect(byDomain.body.result.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
    const bad = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: { sortingColumn: 'FIELD_NAME_COLOR' },
    });
    expect(bad.status).toBe(400);
  });

  it('renames an instance, refusing an unchanged name', async () => {
    const id = await create('rename');
    const res = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${id}`, { body: { instanceName: 'Renamed' } });
    expect(res.status).toBe(200);
    expect(res.body.details.sequence).toMatch(/^\d+$/);
    expect((await http(stack.baseUrl, 'GET', `/system/v1/instances/${id}`)).body.instance.name).toBe('Renamed');
    const same = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${id}`, { body: { instanceName: 'Renamed' } });
    expect(same.status).toBe(400);
    expect(same.body.message).toContain('unchanged');
    expect(
      (await http(stack.baseUrl, 'PUT', '/system/v1/instances/0000000000000000', { body: { instanceName: 'x' } }))
        .status,
    ).toBe(404);
  });

  it('adds, lists, sets primary and removes domains; the generated one stays; taken ones conflict', async () => {
    const id = await create('domains');
    const other = await create('domains-other');
    const add = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains`, {
      body: { domain: 'Extra.Example.com' },
    });
    expect(add.status).toBe(200);
    const taken = await http(stack.baseUrl, 'POST', `/system/v1/instances/${other}/domains`, {
      body: { domain: 'extra.example.com' },
    });
    expect(taken.status).toBe(409);
    expect(
      (await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains`, { body: { domain: 'not a domain' } }))
        .status,
    ).toBe(400);
    expect((await http(stack.baseUrl, 'POST', '/system/v1/domains/extra.example.com/_exists')).body).toEqual({
      exists: true,
    });
    expect((await http(stack.baseUrl, 'POST', '/system/v1/domains/nobody.example.com/_exists')).body).toEqual({
      exists: false,
    });

    const primary = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains/_set_primary`, {
      body: { domain: 'extra.example.com' },
    });
    expect(primary.status).toBe(200);
    const listed = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains/_search`, { body: {} });
    expect(
      listed.body.result.filter((d: { primary: boolean }) => d.primary).map((d: { domain: string }) => d.domain),
    ).toEqual(['extra.example.com']);
    const generated = listed.body.result.find((d: { generated: boolean }) => d.generated).domain;
    const keep = await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${id}/domains/${generated}`);
    expect(keep.status).toBe(400);

    expect((await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${id}/domains/extra.example.com`)).status).toBe(
      200,
    );
    const after = await http(stack.baseUrl, 'POST', `/system/v1/instances/${id}/domains/_search`, { body: {} });
    expect(after.body.result.find((d: { generated: boolean }) => d.generated).primary).toBe(true);
    expect(
      (
        await http(stack.baseUrl, 'POST', `/system/v1/instances/${other}/domains`, {
          body: { domain: 'extra.example.com' },
        })
      ).status,
    ).toBe(200);
    expect((await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${id}/domains/missing.example.com`)).status).toBe(
      404,
    );
  });

  it('blocks an instance (tenant API answers 429) and enforces its bucket limit, and resets both', async () => {
    const tenant = await createTenant(stack, 'limits');
    const tenantGet = () =>
      http(stack.baseUrl, 'GET', '/api/v2/buckets', {
        token: null,
        headers: { authorization: `Token ${tenant.operatorToken}` },
      });
    expect((await tenantGet()).status).toBe(200);

    const blocked = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${tenant.instanceId}/limits`, {
      body: { block: true, maxBuckets: 3 },
    });
    // ZITADEL's SetLimitsResponse is details only; the limits in force are on our own GET.
    expect(Object.keys(blocked.body)).toEqual(['details']);
    expect(blocked.body.details.sequence).toMatch(/^\d+$/);
    const inForce = await http(stack.baseUrl, 'GET', `/system/v1/instances/${tenant.instanceId}/limits`);
    expect(inForce.body).toEqual({ limits: { block: true, maxUsers: null, maxOrgs: null, maxBuckets: 3 } });
    const refused = await tenantGet();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'too many requests', message: expect.stringContaining('blocked') });
    const byHost = await http(stack.baseUrl, 'GET', '/api/v2/setup', { token: null, headers: { host: tenant.domain } });
    expect(byHost.status).toBe(429);

    await http(stack.baseUrl, 'PUT', `/system/v1/instances/${tenant.instanceId}/limits`, { body: { block: false } });
    const post = (name: string) =>
      http(stack.baseUrl, 'POST', '/api/v2/buckets', {
        token: null,
        headers: { authorization: `Token ${tenant.operatorToken}` },
        body: { orgID: tenant.org.id, name },
      });
    expect((await post('two')).status).toBe(201);
    expect((await post('three')).status).toBe(201);
    expect((await post('four')).status).toBe(403);

    const reset = await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${tenant.instanceId}/limits`);
    expect(Object.keys(reset.body)).toEqual(['details']);
    const afterReset = await http(stack.baseUrl, 'GET', `/system/v1/instances/${tenant.instanceId}/limits`);
    expect(afterReset.body.limits).toEqual({ block: false, maxUsers: null, maxOrgs: null, maxBuckets: null });
    expect((await post('four')).status).toBe(201);
    expect(
      (await http(stack.baseUrl, 'PUT', `/system/v1/instances/${tenant.instanceId}/limits`, { body: { maxUsers: -1 } }))
        .status,
    ).toBe(400);
  });

  it('adds an instance with a human owner through the deprecated AddInstance call', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances', {
      body: {
        instanceName: 'Added',
        ownerUserName: 'owner',
        ownerEmail: { email: 'owner@example.com', isEmailVerified: true },
        ownerProfile: { firstName: 'O', lastName: 'Wner' },
        ownerPassword: { password: 'owner-pass-123' },
      },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['details', 'instanceId']);
    const users = await stack.db.query<{ kind: string; name: string }>(
      'SELECT kind, name FROM users WHERE instance_id = $1',
      [res.body.instanceId],
    );
    expect(users).toEqual([{ kind: 'human', name: 'owner' }]);
    const bad = await http(stack.baseUrl, 'POST', '/system/v1/instances', { body: { instanceName: 'No owner' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('ownerUserName');
  });

  it('requires system credentials for all of it', async () => {
    const id = await create('auth');
    for (const [method, path] of [
      ['POST', '/system/v1/instances/_search'],
      ['PUT', `/system/v1/instances/${id}`],
      ['POST', `/system/v1/instances/${id}/domains`],
      ['PUT', `/system/v1/instances/${id}/limits`],
    ] as const) {
      expect((await http(stack.baseUrl, method, path, { token: null, body: {} })).status).toBe(401);
    }
  });
});
