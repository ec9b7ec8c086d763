import { createHash } from 'node:crypto';

import { MeAPI, SignoutAPI, UsersAPI } from '@influxdata/influxdb-client-apis';

import { expectResponseMatchesContract } from '../support/openapi-contract';
import { basicAuth, SESSION_COOKIE, sessionCookieHeader, signIn } from '../support/sessions';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, influxClient, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const UNAUTHORIZED = { code: 'unauthorized', message: 'unauthorized access' };

describe('InfluxDB sessions and the signed-in user: /api/v2/signin, /signout, /me, /me/password', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let users: UsersAPI;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'sessions');
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
    headers?: Record<string, string>;
  }

  /** Plain HTTP on the tenant's domain; every answer is checked against the InfluxDB OSS contract. */
  async function call(method: string, path: string, as: As, body?: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = { host: as.host ?? tenant.domain, ...as.headers };
    if (as.token) headers.authorization = `Token ${as.token}`;
    if (as.basic) headers.authorization = basicAuth(...as.basic);
    if (as.session) headers.cookie = sessionCookieHeader(as.session);
    const answer = await http(stack.baseUrl, method, path, { token: null, headers, body });
    if (!(path === '/api/v2/me/password' && answer.status === 400))
      expectResponseMatchesContract('oss', method, path, answer);
    return answer;
  }

  /** A body the official client returned, checked against the contract as the answer it was. */
  function contract<T>(method: string, path: string, status: number, body: T): T {
    expectResponseMatchesContract('oss', method, path, { status, body });
    return body;
  }

  let userCount = 0;
  /** A new user of the tenant with a password. */
  async function newUser(password = 'first-password') {
    const name = `person-${++userCount}`;
    const user = await users.postUsers({ body: { name } });
    await users.postUsersIDPassword({ userID: user.id!, body: { password } });
    return { id: user.id!, name, password };
  }

  const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

  describe('GET /api/v2/me', () => {
    it("answers the token's user", async () => {
      const me = contract(
        'GET',
        '/api/v2/me',
        200,
        await new MeAPI(influxClient(stack, { token: tenant.operatorToken })).getMe(),
      );
      expect(me).toEqual({
        id: tenant.machineUserId,
        name: expect.stringMatching(/^robot-/),
        status: 'active',
        links: { self: `/api/v2/users/${tenant.machineUserId}` },
      });
    });

    it("answers the session's user, through the official client with the cookie", async () => {
      const { session } = await signIn(stack, tenant.domain, tenant.admin.name, tenant.admin.password);
      const me = await new MeAPI(influxClient(stack, { host: tenant.domain })).getMe(
        {},
        { headers: { cookie: sessionCookieHeader(session) } },
      );
      expect(contract('GET', '/api/v2/me', 200, me)).toEqual({
        id: tenant.admin.id,
        name: tenant.admin.name,
        status: 'active',
        links: { self: `/api/v2/users/${tenant.admin.id}` },
      });
    });

    it('shows a rename at once', async () => {
      const user = await newUser();
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      await users.patchUsersID({ userID: user.id, body: { name: `${user.name}-renamed` } });
      expect((await call('GET', '/api/v2/me', { session })).body.name).toBe(`${user.name}-renamed`);
    });

    it('answers 401 without a credential, with an unknown token or with an unknown cookie', async () => {
      for (const as of [{}, { token: 'no-such-token' }, { session: 'no-such-session' }]) {
        const res = await call('GET', '/api/v2/me', as);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('unauthorized');
      }
    });
  });

  describe('POST /api/v2/signin', () => {
    it('opens a session: 204 and an HttpOnly, SameSite=Strict cookie for /api/ holding 32 random bytes, stored as a digest only', async () => {
      const user = await newUser();
      const before = Date.now();
      const { session, setCookie } = await signIn(stack, tenant.domain, user.name, user.password);
      expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(session, 'base64url')).toHaveLength(32);
      expect(setCookie).toBe(`${SESSION_COOKIE}=${session}; HttpOnly; Path=/api/; SameSite=Strict`);

      const rows = await stack.db.query<{ kind: string; digest: string; expires_at: Date; org_id: string | null }>(
        `SELECT kind, digest, expires_at, org_id FROM tokens WHERE instance_id = $1 AND user_id = $2`,
        [tenant.instanceId, user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'session', digest: digest(session), org_id: null });
      const expiresIn = rows[0].expires_at.getTime() - before;
      expect(expiresIn).toBeGreaterThan(59 * 60_000);
      expect(expiresIn).toBeLessThan(61 * 60_000);
      const everything = JSON.stringify(
        await stack.db.query('SELECT * FROM tokens WHERE instance_id = $1', [tenant.instanceId]),
      );
      expect(everything).not.toContain(session);
    });

    it('gives a new session on every sign-in', async () => {
      const user = await newUser();
      const first = await signIn(stack, tenant.domain, user.name, user.password);
      const second = await signIn(stack, tenant.domain, user.name, user.password);
      expect(first.session).not.toBe(second.session);
      expect((await call('GET', '/api/v2/me', { session: first.session })).status).toBe(200);
      expect((await call('GET', '/api/v2/me', { session: second.session })).status).toBe(200);
    });

    it('marks the cookie Secure when the request came over https', async () => {
      const express = stack.api.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void };
      express.set('trust proxy', true);
      try {
        const res = await call('POST', '/api/v2/signin', {
          basic: [tenant.admin.name, tenant.admin.password],
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('set-cookie')).toMatch(
          new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; HttpOnly; Path=/api/; SameSite=Strict; Secure$`),
        );
      } finally {
        express.set('trust proxy', false);
      }
    });

    it('accepts the user name in any case', async () => {
      const user = await newUser();
      expect((await call('POST', '/api/v2/signin', { basic: [user.name.toUpperCase(), user.password] })).status).toBe(
        204,
      );
    });

    it('answers the same 401 for a wrong password, an unknown user, a user without password and missing or malformed credentials', async () => {
      const user = await newUser();
      const passwordless = await users.postUsers({ body: { name: 'no-password' } });
      const answers = [
        await call('POST', '/api/v2/signin', { basic: [user.name, 'wrong-password'] }),
        await call('POST', '/api/v2/signin', { basic: ['nobody-at-all', 'wrong-password'] }),
        await call('POST', '/api/v2/signin', { basic: [passwordless.name, ''] }),
        await call('POST', '/api/v2/signin', {}),
        await call('POST', '/api/v2/signin', { headers: { authorization: 'Basic !!!not-base64' } }),
        await call('POST', '/api/v2/signin', {
          headers: { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` },
        }),
      ];
      for (const res of answers) {
        expect({ status: res.status, body: res.body, cookie: res.headers.get('set-cookie') }).toEqual({
          status: 401,
          body: UNAUTHORIZED,
          cookie: null,
        });
      }
      const sessions = await stack.db.query(`SELECT 1 FROM tokens WHERE user_id = $1`, [user.id]);
      expect(sessions).toHaveLength(0);
    });

    it('answers 403 User is inactive for an inactive user with the right password only', async () => {
      const user = await newUser();
      await users.patchUsersID({ userID: user.id, body: { name: user.name, status: 'inactive' } });
      const right = await call('POST', '/api/v2/signin', { basic: [user.name, user.password] });
      expect(right.status).toBe(403);
      expect(right.body).toEqual({ code: 'forbidden', message: 'User is inactive' });
      const wrong = await call('POST', '/api/v2/signin', { basic: [user.name, 'wrong-password'] });
      expect(wrong.status).toBe(401);
    });

    it('signs in again while the browser still holds a dead session cookie', async () => {
      const user = await newUser();
      const res = await call('POST', '/api/v2/signin', {
        basic: [user.name, user.password],
        session: 'dead-session-cookie',
      });
      expect(res.status).toBe(204);
    });

    it('answers 404 on a host that no instance serves', async () => {
      const res = await call('POST', '/api/v2/signin', {
        basic: [tenant.admin.name, tenant.admin.password],
        host: 'nowhere.example.com',
      });
      expect(res.status).toBe(404);
    });

    it('refuses a session once it has expired', async () => {
      const user = await newUser();
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      await stack.db.query(`UPDATE tokens SET expires_at = now() - interval '1 second' WHERE digest = $1`, [
        digest(session),
      ]);
      expect((await call('GET', '/api/v2/me', { session })).status).toBe(401);
      // The next sign-in clears the expired row away.
      await signIn(stack, tenant.domain, user.name, user.password);
      expect(await stack.db.query('SELECT 1 FROM tokens WHERE digest = $1', [digest(session)])).toHaveLength(0);
    });

    it('does not take a session cookie as a token, nor a token as a session cookie', async () => {
      const user = await newUser();
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      expect((await call('GET', '/api/v2/me', { token: session })).status).toBe(401);
      expect((await call('GET', '/api/v2/me', { session: tenant.operatorToken })).status).toBe(401);
    });
  });

  describe('POST /api/v2/signout', () => {
    it('ends the session and clears the cookie; the cookie then answers 401', async () => {
      const user = await newUser();
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      let cleared = '';
      await new SignoutAPI(influxClient(stack, { host: tenant.domain })).postSignout(
        {},
        {
          headers: { cookie: sessionCookieHeader(session) },
          responseStarted: (headers) => {
            cleared = String(headers['set-cookie']);
          },
        },
      );
      expect(cleared).toMatch(
        new RegExp(
          `^${SESSION_COOKIE}=; HttpOnly; Path=/api/; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
        ),
      );
      expect(await stack.db.query('SELECT 1 FROM tokens WHERE digest = $1', [digest(session)])).toHaveLength(0);

      const me = await call('GET', '/api/v2/me', { session });
      expect(me.status).toBe(401);
      expect(me.body).toEqual(UNAUTHORIZED);
      expect((await call('POST', '/api/v2/signout', { session })).status).toBe(401);
    });

    it('ends only its own session', async () => {
      const user = await newUser();
      const first = await signIn(stack, tenant.domain, user.name, user.password);
      const second = await signIn(stack, tenant.domain, user.name, user.password);
      expect((await call('POST', '/api/v2/signout', { session: first.session })).status).toBe(204);
      expect((await call('GET', '/api/v2/me', { session: second.session })).status).toBe(200);
    });

    it('answers 401 without a session: no cookie, or a token instead', async () => {
      expect((await call('POST', '/api/v2/signout', {})).status).toBe(401);
      const withToken = await call('POST', '/api/v2/signout', { token: tenant.operatorToken });
      expect(withToken.status).toBe(401);
      expect(withToken.body.code).toBe('unauthorized');
      expect((await call('GET', '/api/v2/me', { token: tenant.operatorToken })).status).toBe(200);
    });
  });

  describe('PUT /api/v2/me/password', () => {
    it('changes the password with the session cookie and Basic credentials (old password), through the official client', async () => {
      const user = await newUser('old-password');
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      await new MeAPI(influxClient(stack, { host: tenant.domain })).putMePassword(
        { auth: { user: user.name, password: 'old-password' }, body: { password: 'new-password' } },
        { headers: { cookie: sessionCookieHeader(session) } },
      );
      expect((await call('POST', '/api/v2/signin', { basic: [user.name, 'old-password'] })).status).toBe(401);
      expect((await call('POST', '/api/v2/signin', { basic: [user.name, 'new-password'] })).status).toBe(204);
      // The session that changed it goes on.
      expect((await call('GET', '/api/v2/me', { session })).status).toBe(200);
    });

    it("ends the user's other sessions", async () => {
      const user = await newUser('old-password');
      const here = await signIn(stack, tenant.domain, user.name, user.password);
      const elsewhere = await signIn(stack, tenant.domain, user.name, user.password);
      const res = await call(
        'PUT',
        '/api/v2/me/password',
        { session: here.session, basic: [user.name, 'old-password'] },
        { password: 'new-password' },
      );
      expect(res.status).toBe(204);
      expect((await call('GET', '/api/v2/me', { session: here.session })).status).toBe(200);
      expect((await call('GET', '/api/v2/me', { session: elsewhere.session })).status).toBe(401);
    });

    it('answers 401 for a wrong old password, and keeps the password', async () => {
      const user = await newUser('old-password');
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      const res = await call(
        'PUT',
        '/api/v2/me/password',
        { session, basic: [user.name, 'not-the-old-one'] },
        { password: 'new-password' },
      );
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED);
      expect((await call('POST', '/api/v2/signin', { basic: [user.name, 'old-password'] })).status).toBe(204);
    });

    it("answers 401 for another user's name and password, even right ones", async () => {
      const user = await newUser('old-password');
      const other = await newUser('other-password');
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      const res = await call(
        'PUT',
        '/api/v2/me/password',
        { session, basic: [other.name, other.password] },
        { password: 'new-password' },
      );
      expect(res.status).toBe(401);
      expect((await call('POST', '/api/v2/signin', { basic: [other.name, other.password] })).status).toBe(204);
    });

    it('answers 401 without Basic credentials or without the session cookie', async () => {
      const user = await newUser('old-password');
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      expect((await call('PUT', '/api/v2/me/password', { session }, { password: 'new-password' })).status).toBe(401);
      expect(
        (await call('PUT', '/api/v2/me/password', { basic: [user.name, 'old-password'] }, { password: 'new-password' }))
          .status,
      ).toBe(401);
      const withToken = await call(
        'PUT',
        '/api/v2/me/password',
        { token: tenant.operatorToken },
        { password: 'new-password' },
      );
      expect(withToken.status).toBe(401);
    });

    it.each([
      ['7 bytes', 'seven77'],
      ['73 bytes', 'y'.repeat(73)],
      ['none', undefined],
    ])('answers 400 invalid for a new password of %s', async (_, password) => {
      const user = await newUser('old-password');
      const { session } = await signIn(stack, tenant.domain, user.name, user.password);
      const res = await call(
        'PUT',
        '/api/v2/me/password',
        { session, basic: [user.name, 'old-password'] },
        password === undefined ? {} : { password },
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid');
      expect((await call('POST', '/api/v2/signin', { basic: [user.name, 'old-password'] })).status).toBe(204);
    });
  });

  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    // oss.yml lists PUT /me/password 400 without a body, but every error of the tenant API carries an InfluxDB
    // Error (design.md section 1), as InfluxDB OSS itself answers: those answers are checked against Error instead.
    const isMePassword400 = (v: string) => /PUT \/api\/v2\/me\/password 400/.test(v);
    expect(stack.contract.violations().filter((v) => !isMePassword400(v))).toEqual([]);
    const mePassword400 = stack.contract.responses.filter((r) => r.path === '/api/v2/me/password' && r.status === 400);
    expect(mePassword400.length).toBeGreaterThan(0);
    for (const r of mePassword400) expect(r.body).toEqual({ code: 'invalid', message: expect.any(String) });
  });
});
