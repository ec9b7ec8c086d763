import { generateKeyPairSync, type KeyObject } from 'node:crypto';

import { SignJWT } from 'jose';

import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { TestStack } from '../support/test-stack';

const ISSUER = 'https://issuer.test';
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const owner = rsa();
const viewer = rsa();
const stranger = rsa();
const keyData = (key: KeyObject) => Buffer.from(key.export({ type: 'spki', format: 'pem' })).toString('base64');

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  iat?: number;
  exp?: number;
}

/** A system user's JWT as ZITADEL's docs describe it: RS256, iss = sub = user id, aud = the issuer URL. */
function jwt(userId: string, key: KeyObject, claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: userId, sub: userId, aud: ISSUER, iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256' })
    .sign(key);
}

describe('System API: ZITADEL-style system users (SYSTEM_API_USERS)', () => {
  let stack: TestStack;
  const issuedJwts: string[] = [];
  const asOwner = async (claims?: Claims) => remember(await jwt('ops', owner.privateKey, claims));
  const asViewer = async () => remember(await jwt('audit', viewer.privateKey));
  const remember = (token: string) => {
    issuedJwts.push(token);
    return token;
  };
  const instanceCount = async () =>
    Number((await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM instances'))[0].n);

  beforeAll(async () => {
    stack = await TestStack.start({
      config: {
        SYSTEM_API_USERS: JSON.stringify({
          ops: { keyData: keyData(owner.publicKey) },
          audit: { keyData: keyData(viewer.publicKey), role: 'SYSTEM_OWNER_VIEWER' },
        }),
        SYSTEM_API_ISSUER: ISSUER,
      },
    });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('creates an instance with a valid JWT and reads it back', async () => {
    const token = await asOwner();
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      token,
      body: { instanceName: 'x' },
    });
    expect(created.status).toBe(200);
    expect(created.body.instanceId).toMatch(/^[0-9a-f]{16}$/);
    const got = await http(stack.baseUrl, 'GET', `/system/v1/instances/${created.body.instanceId}`, { token });
    expect(got.status).toBe(200);
    expect(got.body.instance).toMatchObject({ id: created.body.instanceId, name: 'x', state: 'STATE_RUNNING' });
  });

  it('accepts aud as an array that names the issuer, and any case of the Bearer scheme', async () => {
    const token = await asOwner({ aud: ['https://other.test', ISSUER] });
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      headers: { authorization: `bearer ${token}` },
      body: {},
    });
    expect(res.status).toBe(200);
  });

  describe('refuses a JWT with 401 code 16 and says why, without echoing the token', () => {
    const now = () => Math.floor(Date.now() / 1000);
    it.each<[string, () => Promise<string>, RegExp]>([
      ['expired', () => asOwner({ iat: now() - 600, exp: now() - 10 }), /expired/],
      [
        'for another audience',
        () => asOwner({ aud: 'https://elsewhere.test' }),
        /wrong audience: aud must name this service's issuer https:\/\/issuer\.test/,
      ],
      ['issued more than an hour ago', () => asOwner({ iat: now() - 2 * 3600, exp: now() + 300 }), /iat is too old/],
      // The same answer for both, so that user ids cannot be found out; the log tells them apart.
      [
        'of an unknown user',
        async () => remember(await jwt('nobody', stranger.privateKey)),
        /^invalid system user JWT: unknown system user or bad signature$/,
      ],
      [
        'signed with another key',
        async () => remember(await jwt('ops', stranger.privateKey)),
        /^invalid system user JWT: unknown system user or bad signature$/,
      ],
    ])('%s', async (_, make, message) => {
      const token = await make();
      const before = await instanceCount();
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        token,
        body: { instanceName: 'refused' },
      });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 16, message: expect.stringMatching(message), details: [] });
      for (const part of token.split('.')) expect(res.body.message).not.toContain(part);
      expect(await instanceCount()).toBe(before);
      const read = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', { token, body: {} });
      expect(read.status).toBe(401);
    });
  });

  it('logs whether a refused JWT named an unknown user or had a bad signature, without the token', async () => {
    const unknownUser = remember(await jwt('nobody-logged', owner.privateKey));
    const badSignature = remember(await jwt('audit', owner.privateKey));
    for (const token of [unknownUser, badSignature]) {
      expect((await http(stack.baseUrl, 'GET', '/system/v1/webhooks', { token })).status).toBe(401);
    }
    const refusals = stack.logs.lines.filter((line) => line.includes('system user JWT refused'));
    expect(refusals.find((l) => l.includes('"iss":"nobody-logged"'))).toContain('"reason":"unknown system user"');
    expect(refusals.find((l) => l.includes('"iss":"audit"') && l.includes('bad signature'))).toBeDefined();
  });

  describe('the role SYSTEM_OWNER_VIEWER', () => {
    let instanceId: string;

    beforeAll(async () => {
      instanceId = (
        await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: { instanceName: 'Viewed' } })
      ).body.instanceId;
    });

    it('reads instances and limits, and searches', async () => {
      const token = await asViewer();
      expect((await http(stack.baseUrl, 'GET', `/system/v1/instances/${instanceId}`, { token })).status).toBe(200);
      expect((await http(stack.baseUrl, 'GET', `/system/v1/instances/${instanceId}/limits`, { token })).status).toBe(
        200,
      );
      expect((await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', { token, body: {} })).status).toBe(200);
      expect(
        (await http(stack.baseUrl, 'POST', `/system/v1/instances/${instanceId}/domains/_search`, { token, body: {} }))
          .status,
      ).toBe(200);
      expect(
        (await http(stack.baseUrl, 'POST', '/system/v1/domains/nowhere.example/_exists', { token, body: {} })).status,
      ).toBe(200);
    });

    it('may not create an instance: 403 code 7, and nothing is created', async () => {
      const before = await instanceCount();
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        token: await asViewer(),
        body: { instanceName: 'x' },
      });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        code: 7,
        message: 'the role SYSTEM_OWNER_VIEWER may not change anything',
        details: [],
      });
      expect(await instanceCount()).toBe(before);
    });

    it.each<[string, string, object | undefined]>([
      ['PUT', '', { instanceName: 'Renamed' }],
      ['DELETE', '', undefined],
      ['POST', '/domains', { domain: 'viewer.example.com' }],
      ['PUT', '/limits', { block: true }],
    ])('may not %s /instances/{id}%s', async (method, suffix, body) => {
      const res = await http(stack.baseUrl, method, `/system/v1/instances/${instanceId}${suffix}`, {
        token: await asViewer(),
        body,
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe(7);
      const got = await http(stack.baseUrl, 'GET', `/system/v1/instances/${instanceId}`);
      expect(got.body.instance).toMatchObject({ name: 'Viewed', state: 'STATE_RUNNING' });
    });
  });

  it('keeps full rights for static tokens alongside system users', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: { instanceName: 'static' } });
    expect(res.status).toBe(200);
  });

  it('hands the secrets of an operation only to the system user that created it', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      token: await asOwner(),
      body: fullCreateRequest('sysuser'),
      headers: { Prefer: 'respond-async' },
    });
    expect(res.status).toBe(202);
    const done = await waitForOperation(stack.baseUrl, res.body.id);
    expect(done.state).toBe('SUCCEEDED');
    expect(done.result?.pat).toBeUndefined();

    const byCreator = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`, {
      token: await asOwner(),
    });
    expect(byCreator.status).toBe(200);
    expect(byCreator.body.result.pat).toEqual(expect.any(String));
    expect(byCreator.body.result.machineKey).toEqual(expect.any(String));

    const byStaticToken = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`);
    expect(byStaticToken.status).toBe(200);
    expect(byStaticToken.body.result.instanceId).toBe(byCreator.body.result.instanceId);
    expect(byStaticToken.body.result.pat).toBeUndefined();
    expect(byStaticToken.body.result.machineKey).toBeUndefined();

    const byOtherUser = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`, {
      token: await asViewer(),
    });
    expect(byOtherUser.status).toBe(200);
    expect(byOtherUser.body.result.pat).toBeUndefined();
  });

  it('never logs a JWT', () => {
    const logs = stack.logs.text();
    expect(logs).toContain('/system/v1/instances/_create');
    expect(issuedJwts.length).toBeGreaterThan(10);
    for (const token of issuedJwts) expect(logs).not.toContain(token.split('.')[2]);
  });
});
