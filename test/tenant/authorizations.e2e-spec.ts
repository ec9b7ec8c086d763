import { createHash } from 'node:crypto';

import { RESOURCE_TYPES } from '@app/domain';
import { type Authorization, AuthorizationsAPI, OrgsAPI, type Permission } from '@influxdata/influxdb-client-apis';

import { expectResponseMatchesContract } from '../support/openapi-contract';
import { sessionCookieHeader, signIn } from '../support/sessions';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, influxClient, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const ID = /^[0-9a-f]{16}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** Every resource type; the client's own type list lags behind the contract (no `subscriptions`). */
const TYPES = RESOURCE_TYPES as readonly string[] as readonly Permission['resource']['type'][];

/** Everything inside one org, as an org owner holds it. */
function orgScoped(orgID: string): Permission[] {
  return TYPES.flatMap((type) =>
    (['read', 'write'] as const).map((action): Permission => ({ action, resource: { type, orgID } })),
  ).concat([
    { action: 'read', resource: { type: 'orgs', id: orgID } },
    { action: 'write', resource: { type: 'orgs', id: orgID } },
  ]);
}

/** What InfluxDB calls an operator token: everything in the instance. */
function operator(): Permission[] {
  return TYPES.flatMap((type) =>
    (['read', 'write'] as const).map((action): Permission => ({ action, resource: { type } })),
  );
}

describe('InfluxDB authorizations: /api/v2/authorizations', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let auths: AuthorizationsAPI;
  let orgs: OrgsAPI;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'auths');
    auths = new AuthorizationsAPI(influxClient(stack, { token: tenant.operatorToken }));
    orgs = new OrgsAPI(influxClient(stack, { token: tenant.operatorToken }));
  });

  afterAll(async () => {
    await stack.stop();
  });

  /** Plain HTTP with a tenant token; every answer is checked against the InfluxDB OSS contract. */
  async function call(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const answer = await http(stack.baseUrl, method, path, {
      token: null,
      headers: { ...(token ? { authorization: `Token ${token}` } : {}), ...headers },
      body,
    });
    expectResponseMatchesContract('oss', method, path, answer);
    return answer;
  }

  /** A body the official client returned, checked against the contract as the answer it was. */
  function contract<T>(method: string, path: string, status: number, body: T): T {
    expectResponseMatchesContract('oss', method, path, { status, body });
    return body;
  }

  async function create(
    api: AuthorizationsAPI,
    body: { orgID: string; permissions: Permission[]; description?: string; userID?: string },
  ): Promise<Authorization> {
    return contract('POST', '/api/v2/authorizations', 201, await api.postAuthorizations({ body }));
  }

  async function tokenRows(instanceId: string): Promise<number> {
    const [{ count }] = await stack.db.query<{ count: string }>('SELECT count(*) FROM tokens WHERE instance_id = $1', [
      instanceId,
    ]);
    return Number(count);
  }

  it('shows the token only in the answer to its creation and stores its digest only', async () => {
    const permissions: Permission[] = [
      { action: 'read', resource: { type: 'orgs', id: tenant.org.id } },
      { action: 'read', resource: { type: 'buckets', orgID: tenant.org.id } },
    ];
    const created = await create(auths, { orgID: tenant.org.id, description: 'dashboards', permissions });
    expect(created).toEqual({
      id: expect.stringMatching(ID),
      token: expect.stringMatching(TOKEN),
      status: 'active',
      description: 'dashboards',
      orgID: tenant.org.id,
      org: tenant.org.name,
      userID: tenant.machineUserId, // the operator PAT's user
      user: expect.stringMatching(/^robot-/),
      permissions,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      links: { self: `/api/v2/authorizations/${created.id}`, user: `/api/v2/users/${tenant.machineUserId}` },
    });
    const { token, ...withoutToken } = created;

    const read = contract(
      'GET',
      `/api/v2/authorizations/${created.id}`,
      200,
      await auths.getAuthorizationsID({ authID: created.id! }),
    );
    expect(read).toEqual(withoutToken);
    const listed = contract('GET', '/api/v2/authorizations', 200, await auths.getAuthorizations());
    expect(listed.authorizations!.find((a) => a.id === created.id)).toEqual(withoutToken);
    expect(JSON.stringify(listed)).not.toContain(token);

    const [row] = await stack.db.query<{ kind: string; digest: string; org_id: string; user_id: string }>(
      'SELECT kind, digest, org_id, user_id FROM tokens WHERE instance_id = $1 AND id = $2',
      [tenant.instanceId, created.id],
    );
    expect(row).toEqual({
      kind: 'authorization',
      digest: digest(token!),
      org_id: tenant.org.id,
      user_id: tenant.machineUserId,
    });
    const [{ leaks }] = await stack.db.query<{ leaks: string }>(
      `SELECT (SELECT count(*) FROM tokens WHERE digest = $1 OR description LIKE $2 OR permissions::text LIKE $2)
            + (SELECT count(*) FROM events WHERE payload::text LIKE $2) AS leaks`,
      [token, `%${token}%`],
    );
    expect(leaks).toBe('0');
    const [event] = await stack.db.query<{
      event_type: string;
      resource_owner: string;
      payload: Record<string, unknown>;
    }>('SELECT event_type, resource_owner, payload FROM events WHERE instance_id = $1 AND aggregate_id = $2', [
      tenant.instanceId,
      created.id,
    ]);
    expect(event).toEqual({
      event_type: 'authorization.added',
      resource_owner: tenant.org.id,
      payload: { userId: tenant.machineUserId, orgId: tenant.org.id, description: 'dashboards', permissions },
    });
  });

  it('gives a read token of one org exactly that: its org, not another, and no writes', async () => {
    const other = await orgs.postOrgs({ body: { name: 'Other org' } });
    const readOnly = await create(auths, {
      orgID: tenant.org.id,
      permissions: [{ action: 'read', resource: { type: 'orgs', id: tenant.org.id } }],
    });
    const api = new OrgsAPI(influxClient(stack, { token: readOnly.token }));

    expect(await api.getOrgsID({ orgID: tenant.org.id })).toMatchObject({ id: tenant.org.id, name: tenant.org.name });
    expect((await api.getOrgs()).orgs!.map((o) => o.id)).toEqual([tenant.org.id]);
    expect((await api.getOrgsIDMembers({ orgID: tenant.org.id })).users).toBeDefined();

    const elsewhere = await call('GET', `/api/v2/orgs/${other.id}`, readOnly.token!);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toEqual({
      code: 'unauthorized',
      message: `read:orgs/${other.id}/orgs/${other.id} is unauthorized`,
    });
    const rename = await call('PATCH', `/api/v2/orgs/${tenant.org.id}`, readOnly.token!, { name: 'Taken over' });
    expect(rename.status).toBe(401);
    expect(rename.body.message).toBe(`write:orgs/${tenant.org.id}/orgs/${tenant.org.id} is unauthorized`);
    const newOrg = await call('POST', '/api/v2/orgs', readOnly.token!, { name: 'Mine now' });
    expect(newOrg.status).toBe(401);
    expect(newOrg.body.message).toBe('write:orgs is unauthorized');
    const addMember = await call('POST', `/api/v2/orgs/${tenant.org.id}/members`, readOnly.token!, {
      id: tenant.machineUserId,
    });
    expect(addMember.status).toBe(401);
    // It holds no read:authorizations: it sees none, not even itself, and cannot make more.
    expect((await call('GET', '/api/v2/authorizations', readOnly.token!)).body.authorizations).toEqual([]);
    const mint = await call('POST', '/api/v2/authorizations', readOnly.token!, {
      orgID: tenant.org.id,
      permissions: [{ action: 'read', resource: { type: 'orgs', id: tenant.org.id } }],
    });
    expect(mint.status).toBe(401);
    expect(mint.body.message).toBe(`write:orgs/${tenant.org.id}/authorizations is unauthorized`);
  });

  it('never lets a caller grant more than it holds', async () => {
    const owner = await create(auths, { orgID: tenant.org.id, permissions: orgScoped(tenant.org.id) });
    const ownerApi = new AuthorizationsAPI(influxClient(stack, { token: owner.token }));
    const before = await tokenRows(tenant.instanceId);

    const escalation = await call('POST', '/api/v2/authorizations', owner.token!, {
      orgID: tenant.org.id,
      permissions: operator(),
    });
    expect(escalation.status).toBe(401);
    expect(escalation.body).toEqual({ code: 'unauthorized', message: 'read:authorizations is unauthorized' });
    const oneTooMany = await call('POST', '/api/v2/authorizations', owner.token!, {
      orgID: tenant.org.id,
      permissions: [
        { action: 'read', resource: { type: 'buckets', orgID: tenant.org.id } },
        { action: 'write', resource: { type: 'buckets' } },
      ],
    });
    expect(oneTooMany.status).toBe(401);
    expect(oneTooMany.body.message).toBe('write:buckets is unauthorized');
    const instanceWide = await call('POST', '/api/v2/authorizations', owner.token!, {
      orgID: tenant.org.id,
      permissions: [{ action: 'write', resource: { type: 'instance' } }],
    });
    expect(instanceWide.body.message).toBe('write:instance is unauthorized');
    // Tokens for another user need write on that user, which an org owner does not hold.
    const forSomeoneElse = await call('POST', '/api/v2/authorizations', owner.token!, {
      orgID: tenant.org.id,
      userID: tenant.admin.id,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID: tenant.org.id } }],
    });
    expect(forSomeoneElse.status).toBe(401);
    expect(forSomeoneElse.body.message).toBe(`write:users/${tenant.admin.id} is unauthorized`);
    const otherOrg = await orgs.postOrgs({ body: { name: 'Beyond reach' } });
    const inOtherOrg = await call('POST', '/api/v2/authorizations', owner.token!, {
      orgID: otherOrg.id,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID: otherOrg.id } }],
    });
    expect(inOtherOrg.body.message).toBe(`write:orgs/${otherOrg.id}/authorizations is unauthorized`);
    expect(await tokenRows(tenant.instanceId)).toBe(before);

    // Within its own reach it may grant, even all of it.
    const narrower = await create(ownerApi, {
      orgID: tenant.org.id,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID: tenant.org.id } }],
    });
    expect(narrower).toMatchObject({ userID: tenant.machineUserId, token: expect.stringMatching(TOKEN) });
    expect(
      (await create(ownerApi, { orgID: tenant.org.id, permissions: orgScoped(tenant.org.id) })).permissions,
    ).toHaveLength(orgScoped(tenant.org.id).length);
    // The operator may make tokens for others.
    const forAdmin = await create(auths, {
      orgID: tenant.org.id,
      userID: tenant.admin.id,
      permissions: [{ action: 'read', resource: { type: 'buckets' } }],
    });
    expect(forAdmin).toMatchObject({ userID: tenant.admin.id, user: tenant.admin.name });
  });

  it('makes tokens for the signed-in user of a session, and never lists sessions', async () => {
    const { session } = await signIn(stack, tenant.domain, tenant.admin.name, tenant.admin.password);
    const cookie = { host: tenant.domain, cookie: sessionCookieHeader(session) };
    const made = await call(
      'POST',
      '/api/v2/authorizations',
      null,
      { orgID: tenant.org.id, permissions: [{ action: 'read', resource: { type: 'orgs' } }] },
      cookie,
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      userID: tenant.admin.id,
      user: tenant.admin.name,
      token: expect.stringMatching(TOKEN),
    });

    const [sessionRow] = await stack.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE instance_id = $1 AND kind = 'session'`,
      [tenant.instanceId],
    );
    const listed = await auths.getAuthorizations();
    expect(listed.authorizations!.map((a) => a.id)).not.toContain(sessionRow.id);
    expect((await call('GET', `/api/v2/authorizations/${sessionRow.id}`, tenant.operatorToken)).status).toBe(404);
    expect((await call('DELETE', `/api/v2/authorizations/${sessionRow.id}`, tenant.operatorToken)).status).toBe(404);
    // The PAT the instance was created with is listed as an authorization.
    const [pat] = await stack.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE instance_id = $1 AND kind = 'pat'`,
      [tenant.instanceId],
    );
    expect(listed.authorizations!.find((a) => a.id === pat.id)).toMatchObject({
      userID: tenant.machineUserId,
      orgID: tenant.org.id,
    });
  });

  it('lists by user, user name, org and org name, and only what the caller may read', async () => {
    const lister = await createTenant(stack, 'lister');
    const api = new AuthorizationsAPI(influxClient(stack, { token: lister.operatorToken }));
    const second = await new OrgsAPI(influxClient(stack, { token: lister.operatorToken })).postOrgs({
      body: { name: 'Second' },
    });
    const inFirst = await create(api, {
      orgID: lister.org.id,
      userID: lister.admin.id,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID: lister.org.id } }],
    });
    const inSecond = await create(api, {
      orgID: second.id!,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID: second.id } }],
    });
    const ids = async (query: Record<string, string>) =>
      (await api.getAuthorizations(query)).authorizations!.map((a) => a.id).sort();
    const [pat] = await stack.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE instance_id = $1 AND kind = 'pat'`,
      [lister.instanceId],
    );

    expect(await ids({})).toEqual([pat.id, inFirst.id, inSecond.id].sort());
    expect(await ids({ userID: lister.admin.id })).toEqual([inFirst.id]);
    expect(await ids({ user: lister.admin.name.toUpperCase() })).toEqual([inFirst.id]);
    expect(await ids({ orgID: second.id! })).toEqual([inSecond.id]);
    expect(await ids({ org: 'Second' })).toEqual([inSecond.id]);
    expect(await ids({ org: 'Second', userID: lister.admin.id })).toEqual([]);
    expect(await ids({ userID: lister.machineUserId, orgID: lister.org.id })).toEqual([pat.id]);
    const self = await call('GET', `/api/v2/authorizations?orgID=${second.id}`, lister.operatorToken);
    expect(self.body.links).toEqual({ self: `/api/v2/authorizations?orgID=${second.id}` });

    const unknownUser = await call('GET', '/api/v2/authorizations?user=nobody', lister.operatorToken);
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body).toEqual({ code: 'not found', message: 'user "nobody" not found' });
    expect((await call('GET', '/api/v2/authorizations?org=nowhere', lister.operatorToken)).status).toBe(404);
    for (const query of ['orgID=bad', 'userID=0123456789ABCDEF']) {
      const refused = await call('GET', `/api/v2/authorizations?${query}`, lister.operatorToken);
      expect({ query, status: refused.status, code: refused.body.code }).toEqual({
        query,
        status: 400,
        code: 'invalid',
      });
    }

    // A token that may read the first org's authorizations sees those only.
    const reader = await create(api, {
      orgID: lister.org.id,
      permissions: [{ action: 'read', resource: { type: 'authorizations', orgID: lister.org.id } }],
    });
    const readerApi = new AuthorizationsAPI(influxClient(stack, { token: reader.token }));
    expect((await readerApi.getAuthorizations()).authorizations!.map((a) => a.id).sort()).toEqual(
      [pat.id, inFirst.id, reader.id].sort(),
    );
    const hidden = await call('GET', `/api/v2/authorizations/${inSecond.id}`, reader.token!);
    expect(hidden.status).toBe(401);
    expect(hidden.body.message).toBe(`read:orgs/${second.id}/authorizations/${inSecond.id} is unauthorized`);
    const cannotWrite = await call('PATCH', `/api/v2/authorizations/${inFirst.id}`, reader.token!, {
      status: 'inactive',
    });
    expect(cannotWrite.status).toBe(401);
    expect(cannotWrite.body.message).toBe(`write:orgs/${lister.org.id}/authorizations/${inFirst.id} is unauthorized`);
  });

  it('deactivates, reactivates, describes and deletes an authorization; its token follows at once', async () => {
    const created = await create(auths, {
      orgID: tenant.org.id,
      permissions: [{ action: 'read', resource: { type: 'orgs', id: tenant.org.id } }],
    });
    const path = `/api/v2/authorizations/${created.id}`;
    const works = async () => (await call('GET', `/api/v2/orgs/${tenant.org.id}`, created.token!)).status;
    expect(await works()).toBe(200);

    const inactive = contract(
      'PATCH',
      path,
      200,
      await auths.patchAuthorizationsID({ authID: created.id!, body: { status: 'inactive' } }),
    );
    expect(inactive).toMatchObject({ id: created.id, status: 'inactive' });
    expect(inactive).not.toHaveProperty('token');
    expect(await works()).toBe(401);
    await auths.patchAuthorizationsID({ authID: created.id!, body: { status: 'active' } });
    expect(await works()).toBe(200);
    const described = await auths.patchAuthorizationsID({ authID: created.id!, body: { description: 'renamed' } });
    expect(described).toMatchObject({ status: 'active', description: 'renamed' });
    expect(Date.parse(described.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt!));
    const badStatus = await call('PATCH', path, tenant.operatorToken, { status: 'paused' });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message).toContain('status');

    const deleted = await call('DELETE', path, tenant.operatorToken);
    expect(deleted.status).toBe(204);
    expect(await works()).toBe(401);
    const gone = await call('GET', path, tenant.operatorToken);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ code: 'not found', message: 'authorization not found' });
    expect((await call('DELETE', path, tenant.operatorToken)).status).toBe(404);
    expect((await call('PATCH', path, tenant.operatorToken, { status: 'active' })).status).toBe(404);

    const events = await stack.db.query<{ event_type: string; payload: object }>(
      'SELECT event_type, payload FROM events WHERE instance_id = $1 AND aggregate_id = $2 ORDER BY sequence',
      [tenant.instanceId, created.id],
    );
    expect(events.map((e) => e.event_type)).toEqual([
      'authorization.added',
      'authorization.changed',
      'authorization.changed',
      'authorization.changed',
      'authorization.removed',
    ]);
    expect(events[1].payload).toEqual({ status: 'inactive' });
  });

  it('refuses malformed requests with 400 and unknown orgs and users with 404, writing nothing', async () => {
    const before = await tokenRows(tenant.instanceId);
    const read = [{ action: 'read', resource: { type: 'buckets' } }];
    for (const [body, status, named] of [
      [{ permissions: read }, 400, 'orgID'],
      [{ orgID: tenant.org.id }, 400, 'permissions'],
      [{ orgID: tenant.org.id, permissions: [] }, 400, 'permissions'],
      [{ orgID: tenant.org.id, permissions: [{ action: 'delete', resource: { type: 'buckets' } }] }, 400, 'action'],
      [{ orgID: tenant.org.id, permissions: [{ action: 'read', resource: { type: 'spaceships' } }] }, 400, 'type'],
      [{ orgID: tenant.org.id, permissions: [{ action: 'read' }] }, 400, 'resource'],
      [
        { orgID: tenant.org.id, permissions: [{ action: 'read', resource: { type: 'buckets', id: 'bucket-1' } }] },
        400,
        'permissions[0].resource.id',
      ],
      [{ orgID: tenant.org.id, permissions: read, status: 'maybe' }, 400, 'status'],
      [{ orgID: '0123456789abcdef', permissions: read }, 404, 'organization not found'],
      [{ orgID: 'not-an-id', permissions: read }, 404, 'organization not found'],
      [{ orgID: tenant.org.id, userID: '0123456789abcdef', permissions: read }, 404, 'user 0123456789abcdef not found'],
    ] as const) {
      const res = await call('POST', '/api/v2/authorizations', tenant.operatorToken, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.message).toContain(named);
    }
    expect(await tokenRows(tenant.instanceId)).toBe(before);

    const anonymous = await http(stack.baseUrl, 'GET', '/api/v2/authorizations', {
      token: null,
      headers: { host: tenant.domain },
    });
    expect(anonymous.status).toBe(401);
    expect((await call('GET', '/api/v2/authorizations/not-an-id', tenant.operatorToken)).status).toBe(404);
    expect((await call('GET', '/api/v2/authorizations/0123456789abcdef', tenant.operatorToken)).status).toBe(404);
  });

  it('keeps two instances with the same names apart: ids and tokens of one never reach the other', async () => {
    const a = await createTenant(stack, 'twin');
    const b = await createTenant(stack, 'twin');
    const apiA = new AuthorizationsAPI(influxClient(stack, { token: a.operatorToken }));
    const ofA = await create(apiA, {
      orgID: a.org.id,
      permissions: [{ action: 'read', resource: { type: 'orgs', id: a.org.id } }],
    });
    const rowsOfA = await stack.db.query('SELECT * FROM tokens WHERE instance_id = $1 ORDER BY id', [a.instanceId]);

    const pathOfA = `/api/v2/authorizations/${ofA.id}`;
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { status: 'inactive' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, pathOfA, b.operatorToken, body);
      expect({ method, status: res.status, body: res.body }).toEqual({
        method,
        status: 404,
        body: { code: 'not found', message: 'authorization not found' },
      });
    }
    const listB = await new AuthorizationsAPI(influxClient(stack, { token: b.operatorToken })).getAuthorizations();
    expect(listB.authorizations!.every((x) => x.orgID === b.org.id)).toBe(true);
    expect(listB.authorizations!.map((x) => x.id)).not.toContain(ofA.id);
    expect(
      (await call('GET', `/api/v2/authorizations?orgID=${a.org.id}`, b.operatorToken)).body.authorizations,
    ).toEqual([]);
    expect(
      (await call('GET', `/api/v2/authorizations?userID=${a.admin.id}`, b.operatorToken)).body.authorizations,
    ).toEqual([]);
    // Same names, other instance: the names resolve to B's own org and user.
    expect(
      (
        await call('GET', `/api/v2/authorizations?org=${encodeURIComponent(a.org.name)}`, b.operatorToken)
      ).body.authorizations.every((x: { orgID: string }) => x.orgID === b.org.id),
    ).toBe(true);

    const intoA = await call('POST', '/api/v2/authorizations', b.operatorToken, {
      orgID: a.org.id,
      permissions: [{ action: 'read', resource: { type: 'orgs' } }],
    });
    expect(intoA.status).toBe(404);
    const forUserOfA = await call('POST', '/api/v2/authorizations', b.operatorToken, {
      orgID: b.org.id,
      userID: a.admin.id,
      permissions: [{ action: 'read', resource: { type: 'orgs' } }],
    });
    expect(forUserOfA.status).toBe(404);
    // A's new token is A's alone: refused on B's domain, and it cannot see B's org through A's.
    const onB = await http(stack.baseUrl, 'GET', `/api/v2/orgs/${b.org.id}`, {
      token: null,
      headers: { host: b.domain, authorization: `Token ${ofA.token}` },
    });
    expect(onB.status).toBe(401);
    expect((await call('GET', `/api/v2/orgs/${b.org.id}`, ofA.token!)).status).toBe(404);

    expect(await stack.db.query('SELECT * FROM tokens WHERE instance_id = $1 ORDER BY id', [a.instanceId])).toEqual(
      rowsOfA,
    );
  });

  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
