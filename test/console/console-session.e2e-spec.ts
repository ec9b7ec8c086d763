import { generateKeyPairSync } from 'node:crypto';

import { SignJWT } from 'jose';

import { http } from '../support/system-api';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';

const ISSUER = 'https://issuer.test';
const viewerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

function viewerJwt(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: 'audit', sub: 'audit', aud: ISSUER, iat: now, exp: now + 300 })
    .setProtectedHeader({ alg: 'RS256' })
    .sign(viewerKey.privateKey);
}

/** The console's session over plain HTTP: the cookie, the CSRF token, the headers, and the System API behind it. */
describe('Operator console: session, CSRF and headers', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      config: {
        SYSTEM_API_ISSUER: ISSUER,
        SYSTEM_API_USERS: JSON.stringify({
          audit: {
            keyData: Buffer.from(viewerKey.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
            role: 'SYSTEM_OWNER_VIEWER',
          },
        }),
      },
    });
  });
  afterAll(() => stack.stop());

  async function signIn(token: string) {
    const answer = await http(stack.baseUrl, 'POST', '/console/api/session', { body: { token }, token: null });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    return { answer, setCookie, cookie: setCookie.split(';')[0], csrf: answer.body.csrfToken as string };
  }

  it('serves the built page under a strict CSP, and nothing from elsewhere', async () => {
    const page = await fetch(`${stack.baseUrl}/console/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="app">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect((await fetch(`${stack.baseUrl}${script}`)).status).toBe(200);
  });

  it('signs in with a system API token: an HttpOnly SameSite=Strict cookie on /console holding neither the token nor its digest', async () => {
    const { answer, setCookie, cookie } = await signIn(SYSTEM_TOKEN);
    expect(answer.body).toMatchObject({ role: 'SYSTEM_OWNER' });
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/console/);
    expect(setCookie).not.toContain(SYSTEM_TOKEN);
    const stored = await stack.redis.dump();
    expect(stored).toContain(':console-session:');
    expect(stored).not.toContain(cookie.split('=')[1]);
    expect(stored).not.toContain(SYSTEM_TOKEN);
    const session = await http(stack.baseUrl, 'GET', '/console/api/session', { token: null, headers: { cookie } });
    expect(session.body).toEqual({
      caller: expect.any(String),
      role: 'SYSTEM_OWNER',
      csrfToken: answer.body.csrfToken,
    });
  });

  it('refuses a wrong token with 401 and sets no cookie', async () => {
    const answer = await http(stack.baseUrl, 'POST', '/console/api/session', {
      body: { token: 'not-a-token' },
      token: null,
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('lets the cookie reach the System API only through /console/api, and a change only with the CSRF token', async () => {
    const { cookie, csrf } = await signIn(SYSTEM_TOKEN);
    const viaConsole = await http(stack.baseUrl, 'POST', '/console/api/system/v1/instances/_search', {
      body: {},
      token: null,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(viaConsole.status).toBe(200);
    expect(viaConsole.body.result.length).toBeGreaterThan(0);
    const direct = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: {},
      token: null,
      headers: { cookie },
    });
    expect(direct.status).toBe(401);
    const read = await http(stack.baseUrl, 'GET', '/console/api/system/v1/operations', {
      token: null,
      headers: { cookie },
    });
    expect(read.status).toBe(200);
    for (const csrfHeader of [{}, { 'x-csrf-token': 'wrong' }] as Array<Record<string, string>>) {
      const change = await http(stack.baseUrl, 'POST', '/console/api/system/v1/webhooks', {
        body: { url: 'https://example.com/hook', eventTypes: ['instance.created'] },
        token: null,
        headers: { cookie, ...csrfHeader },
      });
      expect(change.status).toBe(403);
      expect(change.body).toMatchObject({ code: 7, message: expect.stringContaining('X-CSRF-Token') });
    }
    const crossOrigin = await http(stack.baseUrl, 'POST', '/console/api/system/v1/instances/_search', {
      body: {},
      token: null,
      headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('gives a viewer its role, and the server refuses its changes even with the CSRF token', async () => {
    const { answer, cookie, csrf } = await signIn(await viewerJwt());
    expect(answer.body).toMatchObject({ role: 'SYSTEM_OWNER_VIEWER', caller: 'audit' });
    const change = await http(stack.baseUrl, 'POST', '/console/api/system/v1/instances/_create', {
      body: { instanceName: 'nope' },
      token: null,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(change.status).toBe(403);
    expect(change.body.message).toContain('SYSTEM_OWNER_VIEWER');
    const read = await http(stack.baseUrl, 'GET', '/console/api/queues', { token: null, headers: { cookie } });
    expect(read.status).toBe(200);
    expect(read.body.queues.map((q: { queue: string }) => q.queue)).toContain('provisioning');
  });

  it('signs out: the session is gone on the server, with the CSRF token required to do it', async () => {
    const { cookie, csrf } = await signIn(SYSTEM_TOKEN);
    expect(
      (await http(stack.baseUrl, 'DELETE', '/console/api/session', { token: null, headers: { cookie } })).status,
    ).toBe(403);
    const out = await http(stack.baseUrl, 'DELETE', '/console/api/session', {
      token: null,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/console_session=;/);
    expect(
      (await http(stack.baseUrl, 'GET', '/console/api/session', { token: null, headers: { cookie } })).status,
    ).toBe(401);
  });
});
