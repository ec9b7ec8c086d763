import { AuthorizationsAPI, OrgsAPI } from '@influxdata/influxdb-client-apis';

import { expectResponseMatchesContract } from '../support/openapi-contract';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, influxClient, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const ID = /^[0-9a-f]{16}$/;
const DAY = 24 * 3600;

describe('InfluxDB organizations: /api/v2/orgs', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let orgs: OrgsAPI;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'orgs');
    orgs = new OrgsAPI(influxClient(stack, { token: tenant.operatorToken }));
  });

  afterAll(async () => {
    await stack.stop();
  });

  /** Plain HTTP with a tenant token; every answer is checked against the InfluxDB OSS contract. */
  async function call(method: string, path: string, token: string | null, body?: unknown): Promise<HttpAnswer> {
    const answer = await http(stack.baseUrl, method, path, {
      token: null,
      headers: token ? { authorization: `Token ${token}` } : {},
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

  async function newOrg(name: string, description?: string) {
    return contract('POST', '/api/v2/orgs', 201, await orgs.postOrgs({ body: { name, description } }));
  }

  it('creates an org with its system buckets, its creator as owner and an event per change', async () => {
    const before = Date.now();
    const org = await newOrg('Research', 'the lab');

    expect(org).toEqual({
      id: expect.stringMatching(ID),
      name: 'Research',
      description: 'the lab',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      links: {
        self: `/api/v2/orgs/${org.id}`,
        members: `/api/v2/orgs/${org.id}/members`,
        owners: `/api/v2/orgs/${org.id}/owners`,
        labels: `/api/v2/orgs/${org.id}/labels`,
        secrets: `/api/v2/orgs/${org.id}/secrets`,
        buckets: '/api/v2/buckets?org=Research',
        tasks: '/api/v2/tasks?org=Research',
        dashboards: '/api/v2/dashboards?org=Research',
      },
    });
    expect(Date.parse(org.createdAt!)).toBeGreaterThanOrEqual(before - 1000);

    const buckets = await stack.db.query<{
      name: string;
      type: string;
      retention_seconds: string;
      shard_group_duration_seconds: string;
    }>(
      'SELECT name, type, retention_seconds, shard_group_duration_seconds FROM buckets WHERE instance_id = $1 AND org_id = $2 ORDER BY name',
      [tenant.instanceId, org.id],
    );
    expect(buckets).toEqual([
      {
        name: '_monitoring',
        type: 'system',
        retention_seconds: String(7 * DAY),
        shard_group_duration_seconds: String(DAY),
      },
      { name: '_tasks', type: 'system', retention_seconds: String(3 * DAY), shard_group_duration_seconds: String(DAY) },
    ]);
    // The operator token belongs to the machine user: it owns the new org.
    const owners = contract(
      'GET',
      `/api/v2/orgs/${org.id}/owners`,
      200,
      await orgs.getOrgsIDOwners({ orgID: org.id! }),
    );
    expect(owners.users!.map((u) => u.id)).toEqual([tenant.machineUserId]);

    const events = await stack.db.query<{ event_type: string; resource_owner: string }>(
      'SELECT event_type, resource_owner FROM events WHERE instance_id = $1 AND resource_owner = $2 ORDER BY sequence',
      [tenant.instanceId, org.id],
    );
    expect(events.map((e) => e.event_type)).toEqual([
      'org.added',
      'bucket.added',
      'bucket.added',
      'member.owner.added',
    ]);
  });

  it('refuses a duplicate name with 422 conflict and an empty name with 400, writing nothing', async () => {
    await newOrg('Duplicate');
    const [{ count: before }] = await stack.db.query<{ count: string }>(
      'SELECT count(*) FROM orgs WHERE instance_id = $1',
      [tenant.instanceId],
    );

    const duplicate = await call('POST', '/api/v2/orgs', tenant.operatorToken, { name: 'Duplicate' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toEqual({ code: 'conflict', message: 'organization with name Duplicate already exists' });
    expect(duplicate.headers.get('x-platform-error-code')).toBe('conflict');

    for (const body of [{ name: '' }, { name: '   ' }, {}]) {
      const empty = await call('POST', '/api/v2/orgs', tenant.operatorToken, body);
      expect(empty.status).toBe(400);
      expect(empty.body).toEqual({ code: 'invalid', message: 'org name is empty' });
    }
    const notAString = await call('POST', '/api/v2/orgs', tenant.operatorToken, { name: 42 });
    expect(notAString.status).toBe(400);
    expect(notAString.body.message).toContain('name');

    const [{ count: after }] = await stack.db.query<{ count: string }>(
      'SELECT count(*) FROM orgs WHERE instance_id = $1',
      [tenant.instanceId],
    );
    expect(after).toBe(before);
  });

  it('reads, renames and describes an org; a rename onto a taken name conflicts', async () => {
    const org = await newOrg('Rename me');
    const read = contract('GET', `/api/v2/orgs/${org.id}`, 200, await orgs.getOrgsID({ orgID: org.id! }));
    expect(read).toEqual(org);

    const renamed = contract(
      'PATCH',
      `/api/v2/orgs/${org.id}`,
      200,
      await orgs.patchOrgsID({ orgID: org.id!, body: { name: 'Renamed' } }),
    );
    expect(renamed).toMatchObject({
      id: org.id,
      name: 'Renamed',
      description: '',
      links: { buckets: '/api/v2/buckets?org=Renamed' },
    });
    expect(Date.parse(renamed.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(org.updatedAt!));
    const described = await orgs.patchOrgsID({ orgID: org.id!, body: { description: 'now with a description' } });
    expect(described).toMatchObject({ name: 'Renamed', description: 'now with a description' });

    const taken = await call('PATCH', `/api/v2/orgs/${org.id}`, tenant.operatorToken, { name: tenant.org.name });
    expect(taken.status).toBe(422);
    expect(taken.body).toEqual({
      code: 'conflict',
      message: `organization with name ${tenant.org.name} already exists`,
    });
    const empty = await call('PATCH', `/api/v2/orgs/${org.id}`, tenant.operatorToken, { name: '' });
    expect(empty.status).toBe(400);

    const [event] = await stack.db.query<{ payload: object }>(
      `SELECT payload FROM events WHERE instance_id = $1 AND aggregate_id = $2 AND event_type = 'org.changed' ORDER BY sequence LIMIT 1`,
      [tenant.instanceId, org.id],
    );
    expect(event.payload).toEqual({ name: 'Renamed' });
  });

  it('lists the orgs in pages, with filters by name, id and user', async () => {
    const listTenant = await createTenant(stack, 'list');
    const api = new OrgsAPI(influxClient(stack, { token: listTenant.operatorToken }));
    const created = [];
    for (const name of ['Paging A', 'Paging B', 'Paging C', 'Paging D'])
      created.push(await api.postOrgs({ body: { name } }));
    const allIds = [listTenant.org.id, ...created.map((o) => o.id!)].sort();

    const all = contract('GET', '/api/v2/orgs', 200, await api.getOrgs());
    expect(all.orgs!.map((o) => o.id)).toEqual(allIds);
    expect(all.links).toEqual({ self: '/api/v2/orgs?descending=false&limit=20&offset=0' });

    const first = await api.getOrgs({ limit: 2 });
    expect(first.orgs!.map((o) => o.id)).toEqual(allIds.slice(0, 2));
    expect(first.links).toEqual({
      self: '/api/v2/orgs?descending=false&limit=2&offset=0',
      next: '/api/v2/orgs?descending=false&limit=2&offset=2',
    });
    const last = await api.getOrgs({ limit: 2, offset: 4 });
    expect(last.orgs!.map((o) => o.id)).toEqual(allIds.slice(4));
    expect(last.links).toEqual({
      self: '/api/v2/orgs?descending=false&limit=2&offset=4',
      prev: '/api/v2/orgs?descending=false&limit=2&offset=2',
    });
    const descending = await api.getOrgs({ descending: true });
    expect(descending.orgs!.map((o) => o.id)).toEqual([...allIds].reverse());

    const byName = await api.getOrgs({ org: 'Paging C' });
    expect(byName.orgs!.map((o) => o.id)).toEqual([created[2].id]);
    const byId = await api.getOrgs({ orgID: created[1].id });
    expect(byId.orgs!.map((o) => o.name)).toEqual(['Paging B']);
    // The human admin belongs to the first org only; the machine user created (and owns) the others too.
    expect((await api.getOrgs({ userID: listTenant.admin.id })).orgs!.map((o) => o.id)).toEqual([listTenant.org.id]);
    expect((await api.getOrgs({ userID: listTenant.machineUserId })).orgs).toHaveLength(5);

    const unknownName = await call('GET', '/api/v2/orgs?org=nope', listTenant.operatorToken);
    expect(unknownName.status).toBe(404);
    expect(unknownName.body).toEqual({ code: 'not found', message: 'organization name "nope" not found' });
    const unknownId = await call('GET', '/api/v2/orgs?orgID=0123456789abcdef', listTenant.operatorToken);
    expect(unknownId.status).toBe(404);
    for (const query of ['limit=0', 'limit=101', 'offset=-1', 'limit=many', 'descending=maybe', 'userID=bob']) {
      const refused = await call('GET', `/api/v2/orgs?${query}`, listTenant.operatorToken);
      expect({ query, status: refused.status, code: refused.body.code }).toEqual({
        query,
        status: 400,
        code: 'invalid',
      });
    }
  });

  it('adds, lists and removes members and owners, one role per user', async () => {
    const org = await newOrg('Team');
    const members = `/api/v2/orgs/${org.id}/members`;
    const owners = `/api/v2/orgs/${org.id}/owners`;
    const human = tenant.admin;

    const added = contract(
      'POST',
      members,
      201,
      await orgs.postOrgsIDMembers({ orgID: org.id!, body: { id: human.id } }),
    );
    expect(added).toEqual({
      id: human.id,
      name: human.name,
      status: 'active',
      role: 'member',
      links: { self: `/api/v2/users/${human.id}` },
    });
    const listed = contract('GET', members, 200, await orgs.getOrgsIDMembers({ orgID: org.id! }));
    expect(listed).toEqual({ links: { self: members }, users: [added] });

    const again = await call('POST', members, tenant.operatorToken, { id: human.id });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({
      code: 'conflict',
      message: `user ${human.name} is already a member of organization Team`,
    });

    // Adding a member as owner upgrades it: it is then listed among the owners only.
    const upgraded = contract(
      'POST',
      owners,
      201,
      await orgs.postOrgsIDOwners({ orgID: org.id!, body: { id: human.id } }),
    );
    expect(upgraded).toMatchObject({ id: human.id, role: 'owner' });
    expect((await orgs.getOrgsIDMembers({ orgID: org.id! })).users).toEqual([]);
    const ownerList = contract('GET', owners, 200, await orgs.getOrgsIDOwners({ orgID: org.id! }));
    expect(ownerList.users!.map((u) => [u.id, u.role]).sort()).toEqual(
      [
        [human.id, 'owner'],
        [tenant.machineUserId, 'owner'],
      ].sort(),
    );
    const ownerAgain = await call('POST', owners, tenant.operatorToken, { id: human.id });
    expect(ownerAgain.status).toBe(422);
    const ownerAsMember = await call('POST', members, tenant.operatorToken, { id: human.id });
    expect(ownerAsMember.status).toBe(422);
    expect(ownerAsMember.body.message).toBe(`user ${human.name} is already an owner of organization Team`);

    const unknown = await call('POST', members, tenant.operatorToken, { id: '0123456789abcdef' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'not found', message: 'user 0123456789abcdef not found' });
    for (const body of [{}, { id: 'not-an-id' }, { name: human.name }]) {
      const invalid = await call('POST', members, tenant.operatorToken, body);
      expect(invalid.status).toBe(400);
      expect(invalid.body).toEqual({ code: 'invalid', message: 'user id missing or invalid' });
    }

    // An owner is not removed through /members, and the other way round.
    expect((await call('DELETE', `${members}/${human.id}`, tenant.operatorToken)).status).toBe(404);
    await orgs.deleteOrgsIDOwnersID({ orgID: org.id!, userID: human.id });
    expect((await orgs.getOrgsIDOwners({ orgID: org.id! })).users!.map((u) => u.id)).toEqual([tenant.machineUserId]);
    expect((await call('DELETE', `${owners}/${human.id}`, tenant.operatorToken)).status).toBe(404);

    await orgs.postOrgsIDMembers({ orgID: org.id!, body: { id: human.id } });
    const removed = await call('DELETE', `${members}/${human.id}`, tenant.operatorToken);
    expect(removed.status).toBe(204);
    expect((await orgs.getOrgsIDMembers({ orgID: org.id! })).users).toEqual([]);
    expect((await call('DELETE', `${members}/not-an-id`, tenant.operatorToken)).status).toBe(404);

    const events = await stack.db.query<{ event_type: string }>(
      `SELECT event_type FROM events WHERE instance_id = $1 AND aggregate_type = 'member' AND aggregate_id = $2 ORDER BY sequence`,
      [tenant.instanceId, human.id],
    );
    expect(events.map((e) => e.event_type).slice(-5)).toEqual([
      'member.member.added',
      'member.role.changed',
      'member.owner.removed',
      'member.member.added',
      'member.member.removed',
    ]);
  });

  it('deletes an org with its buckets, memberships and authorizations, and its tokens stop working', async () => {
    const org = await newOrg('Doomed');
    await orgs.postOrgsIDMembers({ orgID: org.id!, body: { id: tenant.admin.id } });
    const auth = await new AuthorizationsAPI(influxClient(stack, { token: tenant.operatorToken })).postAuthorizations({
      body: { orgID: org.id!, permissions: [{ action: 'read', resource: { type: 'orgs', id: org.id } }] },
    });
    expect((await call('GET', `/api/v2/orgs/${org.id}`, auth.token!)).status).toBe(200);

    await orgs.deleteOrgsID({ orgID: org.id! });

    const gone = await call('GET', `/api/v2/orgs/${org.id}`, tenant.operatorToken);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ code: 'not found', message: 'organization not found' });
    expect((await call('DELETE', `/api/v2/orgs/${org.id}`, tenant.operatorToken)).status).toBe(404);
    const [left] = await stack.db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM buckets WHERE instance_id = $1 AND org_id = $2) AS buckets,
              (SELECT count(*) FROM org_members WHERE instance_id = $1 AND org_id = $2) AS members,
              (SELECT count(*) FROM tokens WHERE instance_id = $1 AND org_id = $2) AS tokens`,
      [tenant.instanceId, org.id],
    );
    expect(left).toEqual({ buckets: '0', members: '0', tokens: '0' });
    expect((await call('GET', '/api/v2/orgs', auth.token!)).status).toBe(401);

    const events = await stack.db.query<{ event_type: string }>(
      'SELECT event_type FROM events WHERE instance_id = $1 AND resource_owner = $2 AND sequence > (SELECT max(sequence) FROM events WHERE aggregate_id = $3 AND event_type = $4) ORDER BY sequence',
      [tenant.instanceId, org.id, auth.id, 'authorization.added'],
    );
    expect(events.map((e) => e.event_type).sort()).toEqual(
      [
        'authorization.removed',
        'bucket.removed',
        'bucket.removed',
        'member.member.removed',
        'member.owner.removed',
        'org.removed',
      ].sort(),
    );
  });

  it('keeps the operator PAT working when its org is deleted', async () => {
    const patTenant = await createTenant(stack, 'pat-org');
    const api = new OrgsAPI(influxClient(stack, { token: patTenant.operatorToken }));
    await api.deleteOrgsID({ orgID: patTenant.org.id });
    expect((await api.getOrgs()).orgs).toEqual([]);
    expect(await api.postOrgs({ body: { name: 'Fresh start' } })).toMatchObject({ name: 'Fresh start' });
  });

  it('enforces the instance org quota set through the System API with 403', async () => {
    const limited = await createTenant(stack, 'quota');
    const limits = await http(stack.baseUrl, 'PUT', `/system/v1/instances/${limited.instanceId}/limits`, {
      body: { maxOrgs: 2 },
    });
    expect(limits.status).toBe(200);
    const api = new OrgsAPI(influxClient(stack, { token: limited.operatorToken }));
    await api.postOrgs({ body: { name: 'Second' } });
    const third = await call('POST', '/api/v2/orgs', limited.operatorToken, { name: 'Third' });
    expect(third.status).toBe(403);
    expect(third.body).toEqual({ code: 'forbidden', message: 'organization quota exceeded' });
    const [{ count }] = await stack.db.query<{ count: string }>('SELECT count(*) FROM orgs WHERE instance_id = $1', [
      limited.instanceId,
    ]);
    expect(count).toBe('2');
  });

  it('answers 401 without a token, and 404 for unknown or malformed ids', async () => {
    const anonymous = await call('GET', '/api/v2/orgs', null);
    expect(anonymous.status).toBe(404); // no token and no instance host: no instance to answer for
    const onHost = await http(stack.baseUrl, 'GET', `/api/v2/orgs/${tenant.org.id}`, {
      token: null,
      headers: { host: tenant.domain },
    });
    expect(onHost.status).toBe(401);
    expect(onHost.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' });
    const createOnHost = await http(stack.baseUrl, 'POST', '/api/v2/orgs', {
      token: null,
      headers: { host: tenant.domain },
      body: { name: 'x' },
    });
    expect(createOnHost.status).toBe(401);

    for (const [method, path] of [
      ['GET', '/api/v2/orgs/0123456789abcdef'],
      ['GET', '/api/v2/orgs/not-an-id'],
      ['PATCH', '/api/v2/orgs/0123456789ABCDEF'],
      ['DELETE', '/api/v2/orgs/0123456789abcdef'],
      ['GET', '/api/v2/orgs/0123456789abcdef/members'],
      ['POST', '/api/v2/orgs/0123456789abcdef/owners'],
      ['DELETE', `/api/v2/orgs/0123456789abcdef/members/${tenant.admin.id}`],
    ]) {
      const res = await call(
        method,
        path,
        tenant.operatorToken,
        method === 'GET' || method === 'DELETE' ? undefined : { id: tenant.admin.id, name: 'x' },
      );
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({
        method,
        path,
        status: 404,
        code: 'not found',
      });
    }
  });

  it('keeps two instances with the same names apart: ids of one are 404 in the other', async () => {
    const a = await createTenant(stack, 'twin');
    const b = await createTenant(stack, 'twin');
    expect(a.org.name).toBe(b.org.name);
    const orgsA = new OrgsAPI(influxClient(stack, { token: a.operatorToken }));
    const orgsB = new OrgsAPI(influxClient(stack, { token: b.operatorToken }));
    const extraA = await orgsA.postOrgs({ body: { name: 'Shared name' } });
    const extraB = await orgsB.postOrgs({ body: { name: 'Shared name' } });
    expect(extraA.id).not.toBe(extraB.id);

    expect((await orgsB.getOrgs()).orgs!.map((o) => o.id).sort()).toEqual([b.org.id, extraB.id].sort());
    expect((await orgsB.getOrgs({ org: 'Shared name' })).orgs!.map((o) => o.id)).toEqual([extraB.id]);
    expect((await call('GET', `/api/v2/orgs?orgID=${a.org.id}`, b.operatorToken)).status).toBe(404);

    const otherOrg = `/api/v2/orgs/${a.org.id}`;
    for (const [method, path, body] of [
      ['GET', otherOrg, undefined],
      ['PATCH', otherOrg, { name: 'Hijacked' }],
      ['DELETE', otherOrg, undefined],
      ['GET', `${otherOrg}/members`, undefined],
      ['GET', `${otherOrg}/owners`, undefined],
      ['POST', `${otherOrg}/members`, { id: b.admin.id }],
      ['DELETE', `${otherOrg}/owners/${a.machineUserId}`, undefined],
    ] as const) {
      const res = await call(method, path, b.operatorToken, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    // A user of the other instance cannot be added to an org of this one.
    const foreignUser = await call('POST', `/api/v2/orgs/${b.org.id}/members`, b.operatorToken, { id: a.admin.id });
    expect(foreignUser.status).toBe(404);
    // A's token on B's domain is refused.
    const wrongHost = await http(stack.baseUrl, 'GET', `/api/v2/orgs/${b.org.id}`, {
      token: null,
      headers: { host: b.domain, authorization: `Token ${a.operatorToken}` },
    });
    expect(wrongHost.status).toBe(401);

    const [org] = await stack.db.query<{ name: string }>('SELECT name FROM orgs WHERE instance_id = $1 AND id = $2', [
      a.instanceId,
      a.org.id,
    ]);
    expect(org.name).toBe(a.org.name);
    expect((await orgsA.getOrgsIDOwners({ orgID: a.org.id })).users!.map((u) => u.id).sort()).toEqual(
      [a.admin.id, a.machineUserId].sort(),
    );
  });

  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
