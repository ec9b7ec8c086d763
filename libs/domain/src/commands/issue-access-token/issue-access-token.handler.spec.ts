import { ErrorCode } from '../../errors';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_BEARER_GRANT_TYPE, UNVERIFIED_ASSERTION } from '../../oauth/jwt-bearer-grant';
import { type DecodedAssertion, type MachineKeyGrant } from '../../ports';
import {
  fakeAssertion,
  FakeJwtAssertionVerifier,
  InMemoryAssertionReplayGuard,
  InMemoryOAuthGrantStore,
} from '../../testing/in-memory-oauth';
import { InMemoryPasswordAttemptLimiter } from '../../testing/in-memory-password-attempt-limiter';
import { FakeTokenGenerator, FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import { IssueAccessTokenCommand } from './issue-access-token.command';
import { IssueAccessTokenHandler } from './issue-access-token.handler';

const INSTANCE = '00000000000000aa';
const ISSUER = 'https://acme-abc123.example';
const ROBOT = '00000000000000a1';
const KEY_ID = '00000000000000b1';
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nrobot\n-----END PUBLIC KEY-----\n';
const OTHER_KEY = '-----BEGIN PUBLIC KEY-----\nsomeone else\n-----END PUBLIC KEY-----\n';
const FROM = '192.0.2.7';

describe(IssueAccessTokenHandler.name, () => {
  let clock: FixedClock;
  let grants: InMemoryOAuthGrantStore;
  let limiter: InMemoryPasswordAttemptLimiter;
  let tokens: FakeTokenGenerator;
  let handler: IssueAccessTokenHandler;
  const nowSeconds = () => clock.now().getTime() / 1000;
  const claims = (overrides: Partial<DecodedAssertion> = {}): DecodedAssertion => ({
    keyId: KEY_ID,
    algorithm: 'RS256',
    issuer: ROBOT,
    subject: ROBOT,
    audience: [ISSUER],
    issuedAt: nowSeconds(),
    expiresAt: nowSeconds() + 3600,
    jwtId: null,
    ...overrides,
  });
  const grant = (
    assertion: string | undefined,
    grantType: string | undefined = JWT_BEARER_GRANT_TYPE,
    scope?: string,
  ) => handler.execute(new IssueAccessTokenCommand(INSTANCE, ISSUER, grantType, assertion, scope, FROM));
  const signed = (overrides: Partial<DecodedAssertion> = {}, key = PUBLIC_KEY) => fakeAssertion(claims(overrides), key);
  const refusal = (code: ErrorCode, message?: string) =>
    expect.objectContaining({ code, ...(message ? { message } : {}) });
  const putKey = (overrides: Partial<MachineKeyGrant> = {}) =>
    grants.keys.splice(0, grants.keys.length, {
      instanceId: INSTANCE,
      keyId: KEY_ID,
      publicKeyPem: PUBLIC_KEY,
      expiresAt: null,
      user: { id: ROBOT, kind: 'machine', status: 'active' },
      ...overrides,
    });

  beforeEach(() => {
    clock = new FixedClock();
    grants = new InMemoryOAuthGrantStore();
    limiter = new InMemoryPasswordAttemptLimiter(3);
    tokens = new FakeTokenGenerator();
    putKey();
    handler = new IssueAccessTokenHandler(
      new FakeJwtAssertionVerifier(),
      grants,
      new InMemoryAssertionReplayGuard(),
      limiter,
      tokens,
      new SequentialIdGenerator(),
      clock,
    );
  });

  it("issues a 12-hour access token of the key's user, storing its digest only", async () => {
    const issued = await grant(signed(), JWT_BEARER_GRANT_TYPE, ' openid profile ');
    expect(issued).toEqual({
      accessToken: expect.stringMatching(/^fake-token-/),
      expiresInSeconds: ACCESS_TOKEN_TTL_SECONDS,
      scope: 'openid profile',
    });
    expect(grants.accessTokens).toEqual([
      {
        instanceId: INSTANCE,
        id: '0000000000000001',
        userId: ROBOT,
        digest: tokens.digest(issued.accessToken),
        expiresAt: new Date(clock.now().getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000),
      },
    ]);
    expect(JSON.stringify(grants.accessTokens)).not.toContain(issued.accessToken);
  });

  it('never issues a token that outlives the machine key', async () => {
    putKey({ expiresAt: new Date(clock.now().getTime() + 600_500) });
    expect((await grant(signed())).expiresInSeconds).toBe(600);
    expect(grants.accessTokens[0].expiresAt).toEqual(new Date(clock.now().getTime() + 600_500));
  });

  it('refuses malformed requests as RFC 6749 does', async () => {
    await expect(grant(signed(), '')).rejects.toEqual(refusal(ErrorCode.InvalidArgument, 'grant_type is required'));
    await expect(grant(signed(), 'client_credentials')).rejects.toEqual(refusal(ErrorCode.FailedPrecondition));
    await expect(grant(undefined)).rejects.toEqual(refusal(ErrorCode.InvalidArgument, 'assertion is required'));
    await expect(grant('not-a-jwt')).rejects.toEqual(refusal(ErrorCode.Unauthenticated, 'assertion is not a JWT'));
    await expect(grant(signed({ keyId: null }))).rejects.toEqual(
      refusal(ErrorCode.Unauthenticated, 'the assertion header has no kid'),
    );
    expect(grants.accessTokens).toEqual([]);
  });

  it.each([
    ['an unknown key', () => signed({ keyId: '00000000000000ff' })],
    ['a signature by another key', () => signed({}, OTHER_KEY)],
    ['another algorithm', () => signed({ algorithm: 'HS256' })],
  ])('answers %s alike, so that nobody learns which keys exist', async (_, assertion) => {
    await expect(grant(assertion())).rejects.toEqual(refusal(ErrorCode.Unauthenticated, UNVERIFIED_ASSERTION));
  });

  it("does not take another instance's key", async () => {
    putKey({ instanceId: '00000000000000bb' });
    await expect(grant(signed())).rejects.toEqual(refusal(ErrorCode.Unauthenticated, UNVERIFIED_ASSERTION));
  });

  it.each([
    ['a foreign audience', { audience: ['https://other.example'] }, `aud must contain the issuer ${ISSUER}`],
    ['another subject', { subject: '00000000000000a2' }, 'iss and sub must both be the user id of the key'],
    ['an expired assertion', { expiresAt: 1 }, 'assertion has expired'],
  ])('refuses %s, saying why', async (_, overrides, message) => {
    await expect(grant(signed(overrides))).rejects.toEqual(refusal(ErrorCode.Unauthenticated, message));
  });

  it('refuses the key of an inactive user', async () => {
    putKey({ user: { id: ROBOT, kind: 'machine', status: 'inactive' } });
    await expect(grant(signed())).rejects.toEqual(refusal(ErrorCode.Unauthenticated, 'user is inactive'));
  });

  it('accepts an assertion with a jti once; one without a jti may be used again', async () => {
    await grant(signed({ jwtId: 'once' }));
    await expect(grant(signed({ jwtId: 'once' }))).rejects.toEqual(
      refusal(ErrorCode.Unauthenticated, 'this assertion (jti) has already been used'),
    );
    await grant(signed());
    await grant(signed());
    expect(grants.accessTokens).toHaveLength(3);
  });

  it('counts failed grants per key and client address; 429 once over, even for a good assertion', async () => {
    for (let i = 0; i < 3; i++) await grant(signed({}, OTHER_KEY)).catch(() => undefined);
    await expect(grant(signed())).rejects.toEqual(
      expect.objectContaining({ code: ErrorCode.ResourceExhausted, retryAfterSeconds: 42 }),
    );
    expect(limiter.counts.get(`account:${INSTANCE}:machine-key:${KEY_ID}`)).toBe(4);
    expect(grants.accessTokens).toEqual([]);
  });

  it('gives the count back when the grant succeeds', async () => {
    await grant(signed({}, OTHER_KEY)).catch(() => undefined);
    await grant(signed());
    expect(limiter.counts.get(`account:${INSTANCE}:machine-key:${KEY_ID}`)).toBe(1);
    expect(limiter.counts.get(`address:${FROM}`)).toBe(1);
  });
});
