import { UsersAPI } from '@influxdata/influxdb-client-apis';

import { expectResponseMatchesContract } from '../support/openapi-contract';
import { basicAuth, sessionCookieHeader, signIn } from '../support/sessions';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, influxClient, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const ID = /^[0-9a-f]{16}$/;
const NOT_FOUND = { code: 'not found', message: 'user not found' };

describe('InfluxDB users: /api/v2/users', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let users: UsersAPI;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'users');
    users = new UsersAPI(influxClient(stack, { token: tenant.operatorToken }));
  });

  afterAll(async () => {
    await stack.stop();
  });

  interface As {
    token?: string;
    session?: string;
    basic?: [string, string];
    host?: string;
  }

  /** Plain HTTP as a token, a session or Basic credentials; every answer is checked against the InfluxDB OSS contract. */
  async function call(method: string, path: string, as: As, body?: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (as.token) headers.authorization = `Token ${as.token}`;
    if (as.basic) headers.authorization = basicAuth(...as.basic);
    if (as.session) headers.cookie = sessionCookieHeader(as.session);
    if (as.host) headers.host = as.host;
    const answer = await http(stack.baseUrl, method, path, { token: null, headers, body });
    expectResponseMatchesContract('oss', method, path, answer);
    return answer;
  }
  const asOperator = (): As => ({ token: tenant.operatorToken });

  /** A body the official client returned, checked against the contract as the answer it was. */
  function contract<T>(method: string, path: string, status: number, body: T): T {
    expectResponseMatchesContract('oss', method, path, { status, body });
    return body;
  }

  async function newUser(name: string, status?: 'active' | 'inactive') {
    return contract('POST', '/api/v2/users', 201, await users.postUsers({ body: { name, status } }));
  }

  /** A user with a password, signed in: its session token. */
  async function userWithSession(name: string, password = 'first-password') {
    const user = await newUser(name);
    await users.postUsersIDPassword({ userID: user.id!, body: { password } });
    const { session } = await signIn(stack, tenant.domain, name, password);
    return { user, password, session };
  }

  it('creates, reads, renames, deactivates and deletes a user with the official client', async () => {
    const created = await newUser('grace');
    expect(created).toEqual({
      id: expect.stringMatching(ID),
      name: 'grace',
      status: 'active',
      links: { self: `/api/v2/users/${created.id}` },
    });
    expect(
      contract('GET', `/api/v2/users/${created.id}`, 200, await users.getUsersID({ userID: created.id! })),
    ).toEqual(created);

    const renamed = await users.patchUsersID({ userID: created.id!, body: { name: 'grace.hopper' } });
    expect(contract('PATCH', `/api/v2/users/${created.id}`, 200, renamed)).toEqual({
      ...created,
      name: 'grace.hopper',
    });
    const inactive = await users.patchUsersID({
      userID: created.id!,
      body: { name: 'grace.hopper', status: 'inactive' },
    });
    expect(inactive).toMatchObject({ name: 'grace.hopper', status: 'inactive' });

    const listed = contract('GET', '/api/v2/users', 200, await users.getUsers());
    expect(listed.links).toEqual({ self: '/api/v2/users' });
    expect(listed.users).toContainEqual(inactive);

    await users.deleteUsersID({ userID: created.id! });
    const gone = await call('GET', `/api/v2/users/${created.id}`, asOperator());
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(NOT_FOUND);
    expect((await call('DELETE', `/api/v2/users/${created.id}`, asOperator())).status).toBe(404);
  });

  it('lists every user of the instance, the admins included, in id order', async () => {
    const listed = (await call('GET', '/api/v2/users', asOperator())).body;
    const ids = listed.users.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([tenant.admin.id, tenant.machineUserId]));
    expect(ids).toEqual([...ids].sort());
    expect(listed.users.find((u: { id: string }) => u.id === tenant.admin.id)).toEqual({
      id: tenant.admin.id,
      name: tenant.admin.name,
      status: 'active',
      links: { self: `/api/v2/users/${tenant.admin.id}` },
    });
  });

  it('creates a user inactive when asked, and ignores id, org_id and role in the body', async () => {
    const made = await call('POST', '/api/v2/users', asOperator(), {
      name: 'dormant',
      status: 'inactive',
      id: '0000000000000001',
      org_id: tenant.org.id,
      role: 'owner',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'dormant', status: 'inactive' });
    expect(made.body.id).not.toBe('0000000000000001');
    const [row] = await stack.db.query<{ kind: string; display_name: string }>(
      'SELECT kind, display_name FROM users WHERE id = $1',
      [made.body.id],
    );
    expect(row).toEqual({ kind: 'human', display_name: 'dormant' });
  });

  it('refuses a second user of the same name, whatever its case, on create and on rename', async () => {
    await newUser('Margaret');
    for (const name of ['Margaret', 'margaret', 'MARGARET']) {
      const dup = await call('POST', '/api/v2/users', asOperator(), { name });
      expect(dup.status).toBe(422);
      expect(dup.body).toEqual({ code: 'conflict', message: `user with name ${name} already exists` });
    }
    const other = await newUser('hamilton');
    const rename = await call('PATCH', `/api/v2/users/${other.id}`, asOperator(), { name: 'margaret' });
    expect(rename.status).toBe(422);
    expect(rename.body).toEqual({ code: 'conflict', message: 'user with name margaret already exists' });
    const count = await stack.db.query('SELECT 1 FROM users WHERE instance_id = $1 AND lower(name) = $2', [
      tenant.instanceId,
      'margaret',
    ]);
    expect(count).toHaveLength(1);
  });

  it.each([
    ['without a name', {}],
    ['with an empty name', { name: '' }],
    ['with a blank name', { name: '   ' }],
    ['with a name that is not a string', { name: 42 }],
    ['with a name of 201 characters', { name: 'n'.repeat(201) }],
    ['with an unknown status', { name: 'ok-name', status: 'deleted' }],
  ])('refuses a user %s with 400 invalid', async (_, body) => {
    const res = await call('POST', '/api/v2/users', asOperator(), body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid');
  });

  it('refuses an empty name or an unknown status on update, and changes nothing', async () => {
    const user = await newUser('kept');
    expect((await call('PATCH', `/api/v2/users/${user.id}`, asOperator(), { name: '' })).status).toBe(400);
    expect((await call('PATCH', `/api/v2/users/${user.id}`, asOperator(), { status: 'gone' })).status).toBe(400);
    expect((await call('GET', `/api/v2/users/${user.id}`, asOperator())).body).toEqual(user);
  });

  it('filters by name and by id; a malformed or unknown id finds nothing', async () => {
    const ada = await newUser('ada');
    const byName = contract('GET', '/api/v2/users', 200, await users.getUsers({ name: 'ada' }));
    expect(byName.users).toEqual([ada]);
    const byId = contract('GET', '/api/v2/users', 200, await users.getUsers({ id: ada.id! }));
    expect(byId.users).toEqual([ada]);
    expect((await users.getUsers({ id: 'ffffffffffffffff' })).users).toEqual([]);
    expect((await call('GET', '/api/v2/users?id=not-an-id', asOperator())).body).toEqual({
      links: { self: '/api/v2/users' },
      users: [],
    });
    expect((await users.getUsers({ name: 'nobody' })).users).toEqual([]);
  });

  it('pages with limit, offset and after', async () => {
    const all = (await users.getUsers({ limit: 100 })).users!.map((u) => u.id);
    expect(all.length).toBeGreaterThan(3);
    expect((await users.getUsers({ limit: 2 })).users!.map((u) => u.id)).toEqual(all.slice(0, 2));
    expect((await users.getUsers({ limit: 2, offset: 1 })).users!.map((u) => u.id)).toEqual(all.slice(1, 3));
    expect((await users.getUsers({ after: all[1], limit: 100 })).users!.map((u) => u.id)).toEqual(all.slice(2));
    expect((await call('GET', '/api/v2/users?limit=0', asOperator())).status).toBe(400);
    expect((await call('GET', '/api/v2/users?limit=101', asOperator())).status).toBe(400);
  });

  describe('passwords', () => {
    it('sets a password (argon2id) with POST and signs in with it', async () => {
      const user = await newUser('pat');
      await users.postUsersIDPassword({ userID: user.id!, body: { password: 'correct horse' } });
      const [row] = await stack.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
        user.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain('correct horse');

      const { session } = await signIn(stack, tenant.domain, 'pat', 'correct horse');
      const me = await call('GET', '/api/v2/me', { session });
      expect(me.body).toEqual(user);
    });

    it('sets a password with PUT and a token, and the old one stops working', async () => {
      const { user } = await userWithSession('putter', 'old-password');
      const put = await call('PUT', `/api/v2/users/${user.id}/password`, asOperator(), { password: 'new-password' });
      expect(put.status).toBe(204);
      expect(
        (await call('POST', '/api/v2/signin', { basic: ['putter', 'old-password'], host: tenant.domain })).status,
      ).toBe(401);
      expect(
        (await call('POST', '/api/v2/signin', { basic: ['putter', 'new-password'], host: tenant.domain })).status,
      ).toBe(204);
    });

    it('lets a user change its own password with PUT and Basic credentials (old password), without a token', async () => {
      const { user } = await userWithSession('basic-user', 'old-password');
      const wrong = await call(
        'PUT',
        `/api/v2/users/${user.id}/password`,
        { basic: ['basic-user', 'not-the-password'], host: tenant.domain },
        { password: 'new-password' },
      );
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' });
      const otherUser = await call(
        'PUT',
        `/api/v2/users/${tenant.admin.id}/password`,
        { basic: ['basic-user', 'old-password'], host: tenant.domain },
        { password: 'new-password' },
      );
      expect(otherUser.status).toBe(401);

      const ok = await call(
        'PUT',
        `/api/v2/users/${user.id}/password`,
        { basic: ['basic-user', 'old-password'], host: tenant.domain },
        { password: 'new-password' },
      );
      expect(ok.status).toBe(204);
      expect(
        (await call('POST', '/api/v2/signin', { basic: ['basic-user', 'new-password'], host: tenant.domain })).status,
      ).toBe(204);
    });

    it.each([
      ['7 bytes', 'seven77'],
      ['73 bytes', 'x'.repeat(73)],
      ['19 four-byte emoji (76 bytes)', '🔐'.repeat(19)],
      ['no password', undefined],
    ])('refuses a password of %s with 400 invalid', async (_, password) => {
      const user = await newUser(`short-${Buffer.byteLength(password ?? '')}-${password?.length ?? 0}`);
      for (const method of ['POST', 'PUT']) {
        const res = await call(
          method,
          `/api/v2/users/${user.id}/password`,
          asOperator(),
          password === undefined ? {} : { password },
        );
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('invalid');
      }
      const [row] = await stack.db.query<{ password_hash: string | null }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [user.id],
      );
      expect(row.password_hash).toBeNull();
    });

    it('accepts exactly 8 and exactly 72 bytes', async () => {
      const user = await newUser('bounds');
      expect(
        (await call('POST', `/api/v2/users/${user.id}/password`, asOperator(), { password: '12345678' })).status,
      ).toBe(204);
      expect(
        (await call('POST', `/api/v2/users/${user.id}/password`, asOperator(), { password: 'é'.repeat(36) })).status,
      ).toBe(204);
      expect(
        (await call('POST', '/api/v2/signin', { basic: ['bounds', 'é'.repeat(36)], host: tenant.domain })).status,
      ).toBe(204);
    });

    it('ends the sessions of a user whose password an operator resets', async () => {
      const { user, session } = await userWithSession('reset-me');
      expect((await call('GET', '/api/v2/me', { session })).status).toBe(200);
      await users.postUsersIDPassword({ userID: user.id!, body: { password: 'reset-by-admin' } });
      expect((await call('GET', '/api/v2/me', { session })).status).toBe(401);
    });

    it('records password changes as events without the password or its hash', async () => {
      const user = await newUser('audited');
      await users.postUsersIDPassword({ userID: user.id!, body: { password: 'audited-password' } });
      const events = await stack.db.query<{ event_type: string; payload: object; resource_owner: string }>(
        'SELECT event_type, payload, resource_owner FROM events WHERE aggregate_id = $1 ORDER BY sequence',
        [user.id],
      );
      expect(events.map((e) => e.event_type)).toEqual(['user.human.added', 'user.password.changed']);
      expect(events.every((e) => e.resource_owner === tenant.instanceId)).toBe(true);
      expect(JSON.stringify(events)).not.toMatch(/audited-password|argon2/);
    });
  });

  describe('who may do what', () => {
    it('lets a signed-in user without roles read and change itself only', async () => {
      const { user, session } = await userWithSession('plain');
      const list = await call('GET', '/api/v2/users', { session });
      expect(list.body.users).toEqual([user]);
      expect((await call('GET', `/api/v2/users/${user.id}`, { session })).body).toEqual(user);
      const renamed = await call('PATCH', `/api/v2/users/${user.id}`, { session }, { name: 'plain-renamed' });
      expect(renamed.body).toMatchObject({ id: user.id, name: 'plain-renamed' });

      const other = await call('GET', `/api/v2/users/${tenant.admin.id}`, { session });
      expect(other.status).toBe(401);
      expect(other.body).toEqual({ code: 'unauthorized', message: `read:users/${tenant.admin.id} is unauthorized` });
      expect(
        (await call('PATCH', `/api/v2/users/${tenant.admin.id}`, { session }, { status: 'inactive' })).status,
      ).toBe(401);
      expect((await call('DELETE', `/api/v2/users/${tenant.admin.id}`, { session })).status).toBe(401);
      expect(
        (await call('POST', `/api/v2/users/${tenant.admin.id}/password`, { session }, { password: 'taken-over' }))
          .status,
      ).toBe(401);
      const create = await call('POST', '/api/v2/users', { session }, { name: 'minted' });
      expect(create.status).toBe(401);
      expect(create.body).toEqual({ code: 'unauthorized', message: 'write:users is unauthorized' });
      const [admin] = await stack.db.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [
        tenant.admin.id,
      ]);
      expect(admin.status).toBe('active');
    });

    it('gives an instance owner signed in with its password every user', async () => {
      const { session } = await signIn(stack, tenant.domain, tenant.admin.name, tenant.admin.password);
      const made = await call('POST', '/api/v2/users', { session }, { name: 'made-by-admin-session' });
      expect(made.status).toBe(201);
      expect((await call('GET', '/api/v2/users', { session })).body.users.length).toBeGreaterThan(2);
    });

    it('answers 401 without any credential, before looking anything up', async () => {
      for (const path of ['/api/v2/users', `/api/v2/users/${tenant.admin.id}`, '/api/v2/users/ffffffffffffffff']) {
        const res = await call('GET', path, { host: tenant.domain });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('unauthorized');
      }
      expect((await call('POST', '/api/v2/users', { host: tenant.domain }, { name: 'anon' })).status).toBe(401);
      expect(
        (
          await call(
            'POST',
            `/api/v2/users/${tenant.admin.id}/password`,
            { host: tenant.domain },
            { password: 'anonymous!' },
          )
        ).status,
      ).toBe(401);
    });

    it.each(['ffffffffffffffff', 'not-an-id', 'FFFFFFFFFFFFFFFF'])(
      'answers 404 user not found for the id %s, whatever the method',
      async (id) => {
        for (const [method, path, body] of [
          ['GET', `/api/v2/users/${id}`, undefined],
          ['PATCH', `/api/v2/users/${id}`, { name: 'x' }],
          ['DELETE', `/api/v2/users/${id}`, undefined],
          ['POST', `/api/v2/users/${id}/password`, { password: 'long-enough' }],
          ['PUT', `/api/v2/users/${id}/password`, { password: 'long-enough' }],
        ] as const) {
          const res = await call(method, path, asOperator(), body);
          expect({ method, status: res.status, body: res.body }).toEqual({ method, status: 404, body: NOT_FOUND });
        }
      },
    );

    it('enforces the instance user quota with 403 forbidden', async () => {
      const limited = await createTenant(stack, 'userquota');
      await stack.db.query('UPDATE instances SET max_users = 3 WHERE id = $1', [limited.instanceId]);
      // The admin and the machine user count: one more fits.
      expect((await call('POST', '/api/v2/users', { token: limited.operatorToken }, { name: 'third' })).status).toBe(
        201,
      );
      const over = await call('POST', '/api/v2/users', { token: limited.operatorToken }, { name: 'fourth' });
      expect(over.status).toBe(403);
      expect(over.body).toEqual({ code: 'forbidden', message: 'user quota exceeded' });
    });
  });

  describe('inactive and deleted users', () => {
    it("makes an inactive user's sessions and sign-in answer 403 User is inactive, until it is active again", async () => {
      const { user, password, session } = await userWithSession('paused');
      await users.patchUsersID({ userID: user.id!, body: { name: 'paused', status: 'inactive' } });
      const me = await call('GET', '/api/v2/me', { session });
      expect(me.status).toBe(403);
      expect(me.body).toEqual({ code: 'forbidden', message: 'User is inactive' });
      const signin = await call('POST', '/api/v2/signin', { basic: ['paused', password], host: tenant.domain });
      expect(signin.status).toBe(403);
      expect(signin.body).toEqual({ code: 'forbidden', message: 'User is inactive' });

      await users.patchUsersID({ userID: user.id!, body: { name: 'paused', status: 'active' } });
      expect((await call('GET', '/api/v2/me', { session })).status).toBe(200);
    });

    it("makes an inactive machine user's PAT answer 403 User is inactive", async () => {
      const other = await createTenant(stack, 'inactivepat');
      const { session } = await signIn(stack, other.domain, other.admin.name, other.admin.password);
      const off = await call('PATCH', `/api/v2/users/${other.machineUserId}`, { session }, { status: 'inactive' });
      expect(off.status).toBe(200);
      const refused = await call('GET', '/api/v2/users', { token: other.operatorToken });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ code: 'forbidden', message: 'User is inactive' });
    });

    it("deletes a user's PAT and sessions with it: they fail at once with 401", async () => {
      const other = await createTenant(stack, 'deletion');
      expect((await call('GET', '/api/v2/me', { token: other.operatorToken })).status).toBe(200);
      const { session } = await signIn(stack, other.domain, other.admin.name, other.admin.password);

      // The admin (signed in) deletes the machine user, whose PAT this is.
      expect((await call('DELETE', `/api/v2/users/${other.machineUserId}`, { session })).status).toBe(204);
      const pat = await call('GET', '/api/v2/me', { token: other.operatorToken });
      expect(pat.status).toBe(401);
      expect(pat.body.code).toBe('unauthorized');
      const leftovers = await stack.db.query(
        `SELECT 1 FROM tokens WHERE instance_id = $1 AND user_id = $2 UNION ALL SELECT 1 FROM machine_keys WHERE instance_id = $1 AND user_id = $2
          UNION ALL SELECT 1 FROM org_members WHERE instance_id = $1 AND user_id = $2`,
        [other.instanceId, other.machineUserId],
      );
      expect(leftovers).toHaveLength(0);

      // And a deleted user's own session stops working too.
      const doomed = await call('POST', '/api/v2/users', { session }, { name: 'doomed' });
      await call('POST', `/api/v2/users/${doomed.body.id}/password`, { session }, { password: 'doomed-password' });
      const doomedSession = (await signIn(stack, other.domain, 'doomed', 'doomed-password')).session;
      expect((await call('GET', '/api/v2/me', { session: doomedSession })).status).toBe(200);
      expect((await call('DELETE', `/api/v2/users/${doomed.body.id}`, { session })).status).toBe(204);
      expect((await call('GET', '/api/v2/me', { session: doomedSession })).status).toBe(401);
      const removed = await stack.db.query<{ event_type: string }>(
        'SELECT event_type FROM events WHERE aggregate_id = $1 ORDER BY sequence DESC LIMIT 1',
        [doomed.body.id],
      );
      expect(removed).toEqual([{ event_type: 'user.removed' }]);
    });
  });

  describe('isolation between instances', () => {
    let a: TestTenant;
    let b: TestTenant;

    beforeAll(async () => {
      [a, b] = await Promise.all([createTenant(stack, 'iso-a'), createTenant(stack, 'iso-b')]);
    });

    it('lets two instances have users of the same name', async () => {
      const inA = await call('POST', '/api/v2/users', { token: a.operatorToken }, { name: 'twin' });
      const inB = await call('POST', '/api/v2/users', { token: b.operatorToken }, { name: 'twin' });
      expect([inA.status, inB.status]).toEqual([201, 201]);
      expect(inA.body.id).not.toBe(inB.body.id);
      const listedInA = (await call('GET', '/api/v2/users?name=twin', { token: a.operatorToken })).body.users;
      expect(listedInA).toEqual([inA.body]);
    });

    it("never reads nor changes another instance's users: 404 for its ids", async () => {
      const theirs = await call('POST', '/api/v2/users', { token: b.operatorToken }, { name: 'private-user' });
      const id = theirs.body.id;
      for (const [method, path, body] of [
        ['GET', `/api/v2/users/${id}`, undefined],
        ['PATCH', `/api/v2/users/${id}`, { name: 'hijacked', status: 'inactive' }],
        ['POST', `/api/v2/users/${id}/password`, { password: 'hijacked-password' }],
        ['PUT', `/api/v2/users/${id}/password`, { password: 'hijacked-password' }],
        ['DELETE', `/api/v2/users/${id}`, undefined],
        ['DELETE', `/api/v2/users/${b.admin.id}`, undefined],
      ] as const) {
        const res = await call(method, path, { token: a.operatorToken }, body);
        expect({ method, path, status: res.status, body: res.body }).toEqual({
          method,
          path,
          status: 404,
          body: NOT_FOUND,
        });
      }
      expect((await call('GET', `/api/v2/users?id=${id}`, { token: a.operatorToken })).body.users).toEqual([]);
      const listedInA = (await call('GET', '/api/v2/users?limit=100', { token: a.operatorToken })).body.users.map(
        (u: { id: string }) => u.id,
      );
      expect(listedInA).not.toContain(id);
      expect(listedInA).not.toContain(b.admin.id);

      const [row] = await stack.db.query<{ name: string; status: string; password_hash: string | null }>(
        'SELECT name, status, password_hash FROM users WHERE id = $1',
        [id],
      );
      expect(row).toEqual({ name: 'private-user', status: 'active', password_hash: null });
      expect((await call('GET', `/api/v2/users/${b.admin.id}`, { token: b.operatorToken })).status).toBe(200);
    });

    it("refuses one instance's token and session on the other's domain", async () => {
      expect((await call('GET', '/api/v2/users', { token: a.operatorToken, host: b.domain })).status).toBe(401);
      const { session } = await signIn(stack, a.domain, a.admin.name, a.admin.password);
      expect((await call('GET', '/api/v2/me', { session, host: b.domain })).status).toBe(401);
      // B's admin name and password do not open a session on A's domain.
      expect(
        (await call('POST', '/api/v2/signin', { basic: [b.admin.name, b.admin.password], host: a.domain })).status,
      ).toBe(401);
    });
  });

  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
