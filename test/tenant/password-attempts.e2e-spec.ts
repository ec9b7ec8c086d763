import { basicAuth, sessionCookieHeader } from '../support/sessions';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const PER_USER = 3;
const PER_ADDRESS = 6;

/**
 * Every password check (sign-in, Basic on the password routes) goes through one limiter keyed by instance + user
 * name and, separately, by client address. TRUST_PROXY lets each request come from an address of its own
 * (X-Forwarded-For), so the per-user key is shown not to depend on the address.
 */
describe('password checks share one limiter', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let addresses = 0;
  const nextAddress = () => `10.9.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;

  beforeAll(async () => {
    stack = await TestStack.start({
      config: {
        PASSWORD_ATTEMPTS_PER_MINUTE: String(PER_USER),
        PASSWORD_ATTEMPTS_PER_ADDRESS_PER_MINUTE: String(PER_ADDRESS),
        TRUST_PROXY: 'true',
      },
    });
    tenant = await createTenant(stack, 'limiter');
  });

  afterAll(async () => {
    await stack.stop();
  });

  const operator = (method: string, path: string, body?: unknown) =>
    http(stack.baseUrl, method, path, {
      token: null,
      headers: { authorization: `Token ${tenant.operatorToken}` },
      body,
    });

  async function newUser(name: string, password: string, on = tenant): Promise<string> {
    const headers = { authorization: `Token ${on.operatorToken}` };
    const user = await http(stack.baseUrl, 'POST', '/api/v2/users', { token: null, headers, body: { name } });
    expect(user.status).toBe(201);
    expect(
      (
        await http(stack.baseUrl, 'POST', `/api/v2/users/${user.body.id}/password`, {
          token: null,
          headers,
          body: { password },
        })
      ).status,
    ).toBe(204);
    return user.body.id;
  }

  type Options = { host?: string; from?: string; cookie?: string };
  const anonymous = (
    method: string,
    path: string,
    name: string,
    password: string,
    options: Options = {},
    body?: unknown,
  ) =>
    http(stack.baseUrl, method, path, {
      token: null,
      body,
      headers: {
        host: options.host ?? tenant.domain,
        authorization: basicAuth(name, password),
        'x-forwarded-for': options.from ?? nextAddress(),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
    });
  const signIn = (name: string, password: string, options: Options = {}) =>
    anonymous('POST', '/api/v2/signin', name, password, options);
  const setPassword = (method: 'PUT' | 'POST', id: string, name: string, password: string, options: Options = {}) =>
    anonymous(method, `/api/v2/users/${id}/password`, name, password, options, { password: 'replaced-by-a-guess' });
  const hashOf = async (id: string) =>
    (await stack.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]
      .password_hash;

  function expectLimited(res: HttpAnswer): void {
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ code: 'too many requests', message: expect.any(String) });
    expect(res.headers.get('x-platform-error-code')).toBe('too many requests');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  }

  const randomCase = (text: string) =>
    [...text].map((c) => (Math.random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');

  it('answers 429 with Retry-After after too many failures, even for the right password, and lets other users sign in', async () => {
    await newUser('blocked-one', 'blocked-password');
    await newUser('bystander', 'bystander-password');
    for (let i = 0; i < PER_USER; i += 1) expect((await signIn('blocked-one', 'wrong-password')).status).toBe(401);
    expectLimited(await signIn('blocked-one', 'blocked-password'));
    expect((await signIn('bystander', 'bystander-password')).status).toBe(204);
  });

  it('is not bypassed by the case of the Host header (finding 1)', async () => {
    await newUser('host-case', 'host-case-password');
    for (let i = 0; i < PER_USER; i += 1)
      expect((await signIn('host-case', 'wrong-password', { host: randomCase(tenant.domain) })).status).toBe(401);
    expectLimited(await signIn('host-case', 'wrong-password', { host: randomCase(tenant.domain) }));
    expectLimited(await signIn('host-case', 'host-case-password', { host: tenant.domain.toUpperCase() }));
  });

  it("is not bypassed through another of the instance's domains (finding 1)", async () => {
    const custom = `login-limiter-${Date.now()}.example.com`;
    expect(
      (
        await http(stack.baseUrl, 'POST', `/system/v1/instances/${tenant.instanceId}/domains`, {
          body: { domain: custom },
        })
      ).status,
    ).toBe(200);
    await newUser('two-domains', 'two-domains-password');
    for (let i = 0; i < PER_USER; i += 1)
      expect((await signIn('two-domains', 'wrong-password', { host: i % 2 ? custom : tenant.domain })).status).toBe(
        401,
      );
    expectLimited(await signIn('two-domains', 'two-domains-password', { host: custom }));
  });

  it('counts the user name in any case as one user', async () => {
    await newUser('Mixed-Case', 'mixed-case-password');
    for (const name of ['mixed-case', 'MIXED-CASE', 'mIxEd-CaSe'])
      expect((await signIn(name, 'wrong-password')).status).toBe(401);
    expectLimited(await signIn('Mixed-Case', 'mixed-case-password'));
  });

  it('limits guessing through PUT and POST /users/{id}/password, and a guess never replaces the password while blocked (finding 2)', async () => {
    const id = await newUser('victim', 'victim-password');
    const before = await hashOf(id);
    for (let i = 0; i < PER_USER; i += 1)
      expect((await setPassword(i % 2 ? 'PUT' : 'POST', id, 'victim', `guess-${i}`)).status).toBe(401);
    expectLimited(await setPassword('PUT', id, 'victim', 'victim-password'));
    expectLimited(await setPassword('POST', id, 'victim', 'victim-password'));
    expect(await hashOf(id)).toBe(before);
  });

  it('counts sign-in, /me/password and /users/{id}/password failures in one bucket', async () => {
    const id = await newUser('shared', 'shared-password');
    const session = (await signIn('shared', 'shared-password')).headers.get('set-cookie')!.split(';')[0];
    expect((await signIn('shared', 'wrong-password')).status).toBe(401);
    expect((await setPassword('PUT', id, 'shared', 'wrong-password')).status).toBe(401);
    const me = await anonymous(
      'PUT',
      '/api/v2/me/password',
      'shared',
      'wrong-password',
      { cookie: session },
      { password: 'a-new-password' },
    );
    expect(me.status).toBe(401);
    expectLimited(await signIn('shared', 'shared-password'));
    expectLimited(
      await anonymous(
        'PUT',
        '/api/v2/me/password',
        'shared',
        'shared-password',
        { cookie: session },
        { password: 'a-new-password' },
      ),
    );
  });

  it('counts failures only: successes neither count nor reset the counter', async () => {
    await newUser('counted', 'counted-password');
    for (let i = 0; i < PER_USER - 1; i += 1) expect((await signIn('counted', 'wrong-password')).status).toBe(401);
    for (let i = 0; i < PER_USER + 2; i += 1) expect((await signIn('counted', 'counted-password')).status).toBe(204);
    expect((await signIn('counted', 'wrong-password')).status).toBe(401);
    expectLimited(await signIn('counted', 'counted-password'));
  });

  it("never lets an inactive user's right password succeed", async () => {
    const id = await newUser('sleeper', 'sleeper-password');
    expect((await operator('PATCH', `/api/v2/users/${id}`, { status: 'inactive' })).status).toBe(200);
    const before = await hashOf(id);
    for (const method of ['PUT', 'POST'] as const) {
      const res = await setPassword(method, id, 'sleeper', 'sleeper-password');
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'forbidden', message: 'User is inactive' });
    }
    expect((await signIn('sleeper', 'sleeper-password')).status).toBe(403);
    expect(await hashOf(id)).toBe(before);
  });

  it('limits failures per client address across user names, and other addresses are not affected', async () => {
    const from = '10.200.0.1';
    for (let i = 0; i < PER_ADDRESS; i += 1)
      expect((await signIn(`nobody-${i}`, 'wrong-password', { from })).status).toBe(401);
    await newUser('behind-nat', 'behind-nat-password');
    expectLimited(await signIn('behind-nat', 'behind-nat-password', { from }));
    expect((await signIn('behind-nat', 'behind-nat-password', { from: '10.200.0.2' })).status).toBe(204);
  });

  it('keeps one bucket per instance: the same name in another instance is not blocked', async () => {
    const other = await createTenant(stack, 'limiter-other');
    await newUser('same-name', 'first-password');
    await newUser('same-name', 'second-password', other);
    for (let i = 0; i <= PER_USER; i += 1) await signIn('same-name', 'wrong-password');
    expectLimited(await signIn('same-name', 'first-password'));
    expect((await signIn('same-name', 'second-password', { host: other.domain })).status).toBe(204);
  });

  it.each([
    ['POST', '/api/v2/signin'],
    ['PUT', '/api/v2/users/0000000000000001/password'],
  ])('answers a NUL in the Basic user name on %s %s with 401, not 500 (finding 5)', async (method, path) => {
    const res = await anonymous(method, path, 'ad\u0000min', 'any-password', {}, { password: 'a-new-password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' });
    expect(res.headers.get('x-platform-error-code')).toBe('unauthorized');
  });
});
