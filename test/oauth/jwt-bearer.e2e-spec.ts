import { http, type HttpAnswer } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';
import {
  anotherRsaKey,
  createKeyedInstance,
  type KeyedInstance,
  postToken,
  randomJti,
  serviceAccountAuthenticate,
  signAssertion,
} from './oauth-support';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
// Above the failures the other tests cause with acme's key within the minute, so that only the throttle test reaches it.
const ATTEMPTS_PER_MINUTE = 20;

describe('machine keys: the JWT-bearer grant (RFC 7523) with ZITADEL ServiceAccount, POST /oauth/v2/token', () => {
  let stack: TestStack;
  let acme: KeyedInstance;
  let globex: KeyedInstance;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { PASSWORD_ATTEMPTS_PER_MINUTE: String(ATTEMPTS_PER_MINUTE) } });
    acme = await createKeyedInstance(stack, 'oauth-acme');
    globex = await createKeyedInstance(stack, 'oauth-globex');
  }, 120000);

  afterAll(async () => {
    await stack.stop();
  });

  const grant = (instance: KeyedInstance, assertion: string, host = instance.host) =>
    postToken(stack, host, { grant_type: JWT_BEARER, assertion, scope: 'openid' });

  /** An RFC 6749 refusal: the status, the error code, no assertion and no stack trace in the body. */
  function expectOAuthError(
    answer: HttpAnswer,
    status: number,
    error: string,
    description?: RegExp,
    assertion?: string,
  ): void {
    expect({ status: answer.status, error: answer.body?.error }).toEqual({ status, error });
    expect(Object.keys(answer.body).sort()).toEqual(['error', 'error_description']);
    if (description) expect(answer.body.error_description).toMatch(description);
    expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+\.ts:\d+/);
    if (assertion) expect(JSON.stringify(answer.body)).not.toContain(assertion.split('.')[2]);
  }

  it('serves the discovery document of the instance on its own domain, with the issuer taken from the request', async () => {
    const answer = await http(stack.baseUrl, 'GET', '/.well-known/openid-configuration', {
      token: null,
      headers: { host: acme.host },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      expect.objectContaining({
        issuer: acme.issuer,
        token_endpoint: `${acme.issuer}/oauth/v2/token`,
        grant_types_supported: [JWT_BEARER],
      }),
    );
  });

  it('issues an access token to ServiceAccount.authenticate() that the tenant API accepts as the machine user', async () => {
    const outcome = await serviceAccountAuthenticate(acme.keyFile, acme.issuer);
    expect(outcome).toEqual({ accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{43,}$/) });

    const me = await http(stack.baseUrl, 'GET', '/api/v2/me', {
      token: null,
      headers: { host: acme.host, authorization: `Bearer ${outcome.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(expect.objectContaining({ id: acme.keyFile.userId, name: 'robot-oauth-acme' }));
    // The machine user is an instance operator: the token may do what its PAT may.
    const buckets = await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
      token: null,
      headers: { host: acme.host, authorization: `Bearer ${outcome.accessToken}` },
    });
    expect(buckets.status).toBe(200);

    const rows = await stack.db.query<{ kind: string; digest: string; lifetime: number }>(
      `SELECT kind, digest, extract(epoch FROM expires_at - created_at)::int AS lifetime FROM tokens WHERE instance_id = $1 AND kind = 'oauth_access'`,
      [acme.instanceId],
    );
    expect(rows).toEqual([
      { kind: 'oauth_access', digest: expect.stringMatching(/^[0-9a-f]{64}$/), lifetime: 12 * 3600 },
    ]);
    expect(JSON.stringify(rows)).not.toContain(outcome.accessToken);
  });

  it('answers the token as RFC 6749 says: Bearer, expires_in, scope, not cacheable', async () => {
    const answer = await grant(acme, await signAssertion(acme.keyFile, acme.issuer));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 12 * 3600,
      scope: 'openid',
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts the issuer in aud with a trailing slash, and in a list', async () => {
    expect((await grant(acme, await signAssertion(acme.keyFile, `${acme.issuer}/`))).status).toBe(200);
    expect(
      (
        await grant(
          acme,
          await signAssertion(acme.keyFile, acme.issuer, { aud: ['https://elsewhere.example', acme.issuer] }),
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a tampered key: another RSA key signing under the same kid', async () => {
    const assertion = await signAssertion(acme.keyFile, acme.issuer, { key: anotherRsaKey() });
    expectOAuthError(await grant(acme, assertion), 400, 'invalid_grant', /unknown key or bad signature/, assertion);
  });

  it('refuses a kid that names no key of this instance', async () => {
    const assertion = await signAssertion(acme.keyFile, acme.issuer, { kid: 'ffffffffffffffff' });
    expectOAuthError(await grant(acme, assertion), 400, 'invalid_grant', /unknown key or bad signature/, assertion);
  });

  it('refuses an expired key, also through ServiceAccount', async () => {
    await stack.db.query(
      `UPDATE machine_keys SET expires_at = now() - interval '1 minute' WHERE instance_id = $1 AND id = $2`,
      [globex.instanceId, globex.keyFile.keyId],
    );
    try {
      const assertion = await signAssertion(globex.keyFile, globex.issuer);
      expectOAuthError(await grant(globex, assertion), 400, 'invalid_grant', /machine key has expired/, assertion);
      const outcome = await serviceAccountAuthenticate(globex.keyFile, globex.issuer);
      expect(outcome).toEqual(
        expect.objectContaining({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) }),
      );
    } finally {
      await stack.db.query(`UPDATE machine_keys SET expires_at = NULL WHERE instance_id = $1 AND id = $2`, [
        globex.instanceId,
        globex.keyFile.keyId,
      ]);
    }
  });

  it("refuses another instance's issuer in aud, and another instance's key", async () => {
    const audOfGlobex = await signAssertion(acme.keyFile, globex.issuer);
    expectOAuthError(await grant(acme, audOfGlobex), 400, 'invalid_grant', /aud must contain the issuer/);
    // acme's key posted to globex's domain: globex has no such key
    expectOAuthError(await grant(globex, audOfGlobex), 400, 'invalid_grant', /unknown key or bad signature/);
    // ServiceAccount pointed at globex's issuer with acme's key file
    const outcome = await serviceAccountAuthenticate(acme.keyFile, globex.issuer);
    expect(outcome).toEqual(
      expect.objectContaining({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) }),
    );
  });

  it('stops the access token and refuses new grants while the machine user is inactive', async () => {
    const { accessToken } = await serviceAccountAuthenticate(globex.keyFile, globex.issuer);
    const me = () =>
      http(stack.baseUrl, 'GET', '/api/v2/me', {
        token: null,
        headers: { host: globex.host, authorization: `Bearer ${accessToken}` },
      });
    expect((await me()).status).toBe(200);
    await stack.db.query(`UPDATE users SET status = 'inactive' WHERE instance_id = $1 AND id = $2`, [
      globex.instanceId,
      globex.keyFile.userId,
    ]);
    try {
      // Written straight to the database, as another process would: the API's caller cache drops the user when the
      // change notification arrives, a moment after the commit.
      await until('the access token to be refused', async () => (await me()).status === 403, 1000);
      expectOAuthError(
        await grant(globex, await signAssertion(globex.keyFile, globex.issuer)),
        400,
        'invalid_grant',
        /user is inactive/,
      );
    } finally {
      await stack.db.query(`UPDATE users SET status = 'active' WHERE instance_id = $1 AND id = $2`, [
        globex.instanceId,
        globex.keyFile.userId,
      ]);
    }
    await until('the access token to work again', async () => (await me()).status === 200, 1000);
  });

  it.each([
    ['iss is not the user of the key', { iss: 'ffffffffffffffff' }, /iss and sub/],
    ['sub differs from iss', { sub: 'ffffffffffffffff' }, /iss and sub/],
    [
      'exp has passed',
      { iat: Math.floor(Date.now() / 1000) - 1900, exp: Math.floor(Date.now() / 1000) - 300 },
      /expired/,
    ],
    [
      'iat is in the future',
      { iat: Math.floor(Date.now() / 1000) + 600, exp: Math.floor(Date.now() / 1000) + 1200 },
      /future/,
    ],
    ['exp is more than an hour after iat', { exp: Math.floor(Date.now() / 1000) + 3 * 3600 }, /one hour/],
  ])('refuses an assertion whose %s', async (_, options, description) => {
    expectOAuthError(
      await grant(acme, await signAssertion(acme.keyFile, acme.issuer, options)),
      400,
      'invalid_grant',
      description,
    );
  });

  it('accepts each jti once', async () => {
    const assertion = await signAssertion(acme.keyFile, acme.issuer, { jti: randomJti() });
    expect((await grant(acme, assertion)).status).toBe(200);
    expectOAuthError(await grant(acme, assertion), 400, 'invalid_grant', /already been used/, assertion);
  });

  it('answers malformed requests with invalid_request or unsupported_grant_type', async () => {
    const assertion = await signAssertion(acme.keyFile, acme.issuer);
    expectOAuthError(
      await postToken(stack, acme.host, { grant_type: 'client_credentials', assertion }),
      400,
      'unsupported_grant_type',
    );
    expectOAuthError(
      await postToken(stack, acme.host, { grant_type: JWT_BEARER }),
      400,
      'invalid_request',
      /assertion is required/,
    );
    expectOAuthError(
      await postToken(stack, acme.host, { assertion }),
      400,
      'invalid_request',
      /grant_type is required/,
    );
    expectOAuthError(
      await postToken(stack, acme.host, { grant_type: JWT_BEARER, assertion }, 'application/json'),
      400,
      'invalid_request',
      /x-www-form-urlencoded/,
    );
    expectOAuthError(
      await postToken(stack, acme.host, { grant_type: JWT_BEARER, assertion: 'not-a-jwt' }),
      400,
      'invalid_grant',
      /not a JWT/,
    );
    const repeated = await http(stack.baseUrl, 'POST', '/oauth/v2/token', {
      token: null,
      headers: { host: acme.host, 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: `grant_type=${JWT_BEARER}&grant_type=${JWT_BEARER}`,
    });
    expectOAuthError(repeated, 400, 'invalid_request', /once/);
  });

  it('answers a host that names no instance with an OAuth body, not the InfluxDB or gRPC one', async () => {
    const answer = await postToken(stack, 'nobody.example.com', { grant_type: JWT_BEARER, assertion: 'x.y.z' });
    expectOAuthError(answer, 404, 'invalid_request', /no instance serves host/);
  });

  it('throttles failed grants per key like sign-in: 429 slow_down with Retry-After, even for a good assertion then', async () => {
    const throttled = await createKeyedInstance(stack, 'oauth-throttle');
    const forged = await signAssertion(throttled.keyFile, throttled.issuer, { key: anotherRsaKey() });
    for (let i = 0; i < ATTEMPTS_PER_MINUTE; i += 1)
      expectOAuthError(await grant(throttled, forged), 400, 'invalid_grant');
    const refused = await grant(throttled, await signAssertion(throttled.keyFile, throttled.issuer));
    expectOAuthError(refused, 429, 'slow_down', /too many failed grants/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other keys are not affected.
    expect((await grant(acme, await signAssertion(acme.keyFile, acme.issuer))).status).toBe(200);
  }, 60000);
});
