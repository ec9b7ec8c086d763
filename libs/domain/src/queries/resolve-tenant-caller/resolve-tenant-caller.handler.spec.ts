import { orgOwnerPermissions, type Permission, selfPermissions } from '../../authorization/permission';
import { ErrorCode, QuotaExhaustedError } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { type TokenGrant } from '../../ports';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { FakeTokenGenerator, FixedClock, TEST_SETTINGS } from '../../testing/in-memory-ports';
import { InMemoryTenantAuthRepository } from '../../testing/in-memory-tenant-auth';
import { ResolveTenantCallerHandler } from './resolve-tenant-caller.handler';
import { type PresentedCredential, ResolveTenantCallerQuery } from './resolve-tenant-caller.query';

const ACME = '00000000000000aa';
const GLOBEX = '00000000000000bb';
const DEFAULT = '00000000000000dd';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const READ_BUCKETS: Permission[] = [{ action: 'read', resource: { type: 'buckets' } }];

describe(ResolveTenantCallerHandler.name, () => {
  let clock: FixedClock;
  let auth: InMemoryTenantAuthRepository;
  const tokens = new FakeTokenGenerator();
  const handlerWith = (onboardDefaultInstance = true) =>
    new ResolveTenantCallerHandler(auth, tokens, clock, {
      ...TEST_SETTINGS,
      baseDomain: 'localhost:8080',
      onboardDefaultInstance,
    });
  const resolve = (host: string | undefined, credential: PresentedCredential | null = null, defaultOn = true) =>
    handlerWith(defaultOn).execute(new ResolveTenantCallerQuery(host, credential));
  const header = (value: string): PresentedCredential => ({ via: 'header', value });
  const cookie = (value: string): PresentedCredential => ({ via: 'cookie', value });
  /** Stores a grant of ACME's user ada under the digest of `plaintext`. */
  const grant = (plaintext: string, overrides: Partial<TokenGrant> = {}) =>
    auth.putToken(tokens.digest(plaintext), {
      instanceId: ACME,
      tokenId: '00000000000000f1',
      kind: 'pat',
      status: 'active',
      expiresAt: null,
      permissions: READ_BUCKETS,
      user: ADA,
      ...overrides,
    });

  beforeEach(() => {
    clock = new FixedClock();
    auth = new InMemoryTenantAuthRepository();
    auth.putInstance(ACME, ['acme-abc123.localhost', 'metrics.acme.example']);
    auth.putInstance(GLOBEX, ['globex-def456.localhost']);
    auth.putInstance(DEFAULT, ['localhost'], { isDefault: true });
    grant('acme-pat');
  });

  describe('without a credential', () => {
    it('is an anonymous caller of the instance the host names, in any case and with any port', async () => {
      expect(await resolve('Metrics.ACME.example:8080')).toEqual(anonymousCaller(ACME));
      expect(await resolve('localhost:8080')).toEqual(anonymousCaller(DEFAULT));
    });

    it('answers 404 for a host no running instance serves', async () => {
      auth.putInstance('00000000000000cc', ['creating.localhost'], { state: InstanceState.Creating });
      for (const host of ['unknown.example', 'creating.localhost', undefined]) {
        await expect(resolve(host)).rejects.toMatchObject({ code: ErrorCode.NotFound });
      }
    });

    it('answers 429 for a blocked instance', async () => {
      auth.putInstance(GLOBEX, ['globex-def456.localhost'], { blocked: true });
      await expect(resolve('globex-def456.localhost')).rejects.toBeInstanceOf(QuotaExhaustedError);
    });

    it('does not serve BASE_DOMAIN nor an earlier default instance once the default instance is off', async () => {
      const off = { code: ErrorCode.NotFound, message: expect.stringContaining('ONBOARD_DEFAULT_INSTANCE=false') };
      await expect(resolve('localhost:8080', null, false)).rejects.toMatchObject(off);
      auth.domains.delete('localhost');
      auth.putInstance(DEFAULT, ['old-default.localhost'], { isDefault: true });
      await expect(resolve('old-default.localhost', null, false)).rejects.toMatchObject(off);
      await expect(resolve('localhost', null, false)).rejects.toMatchObject(off);
    });
  });

  describe('with a token', () => {
    it("gives the token's user and stored permissions on its instance's own domain", async () => {
      expect(await resolve('acme-abc123.localhost', header('acme-pat'))).toEqual({
        instanceId: ACME,
        kind: 'token',
        user: ADA,
        tokenId: '00000000000000f1',
        sessionId: null,
        permissions: READ_BUCKETS,
      });
    });

    it("refuses a token on another instance's domain", async () => {
      await expect(resolve('globex-def456.localhost', header('acme-pat'))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'token is not valid for this instance',
      });
    });

    it('selects its own instance on the shared address and on hosts that name no instance', async () => {
      expect((await resolve('localhost:8080', header('acme-pat'))).instanceId).toBe(ACME);
      expect((await resolve('proxy.internal', header('acme-pat'))).instanceId).toBe(ACME);
    });

    it.each([
      ['an unknown token', 'nope', {}],
      ['an inactive token', 'acme-pat', { status: 'inactive' }],
      ['an expired token', 'acme-pat', { expiresAt: new Date('2025-01-15T12:00:00.000Z') }],
      ['a session id in a header', 'acme-pat', { kind: 'session' }],
    ] as const)('refuses %s with 401', async (_, value, overrides) => {
      grant('acme-pat', overrides);
      await expect(resolve('acme-abc123.localhost', header(value))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'unauthorized access',
      });
    });

    it('takes a token that expires later', async () => {
      grant('acme-pat', { expiresAt: new Date('2025-01-15T12:00:00.001Z') });
      expect((await resolve('acme-abc123.localhost', header('acme-pat'))).tokenId).toBe('00000000000000f1');
    });

    it('refuses the token of an instance that is not running with 401, and of a blocked one with 429', async () => {
      auth.putInstance(ACME, [], { state: InstanceState.Stopping });
      await expect(resolve('localhost', header('acme-pat'))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
      auth.putInstance(ACME, [], { blocked: true });
      await expect(resolve('localhost', header('acme-pat'))).rejects.toBeInstanceOf(QuotaExhaustedError);
    });

    it("answers 403 when the token's user is inactive", async () => {
      grant('acme-pat', { user: { ...ADA, status: 'inactive' } });
      await expect(resolve('acme-abc123.localhost', header('acme-pat'))).rejects.toMatchObject({
        code: ErrorCode.PermissionDenied,
        message: 'User is inactive',
      });
    });

    it("refuses the default instance's tokens once the default instance is off", async () => {
      grant('default-pat', { instanceId: DEFAULT });
      await expect(resolve('localhost', header('default-pat'), false)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
    });
  });

  describe('with a session or an OAuth access token', () => {
    beforeEach(() => {
      auth.orgRoles.push({ instanceId: ACME, userId: ADA.id, orgId: '00000000000000c1', role: 'owner' });
      grant('session-id', { kind: 'session', tokenId: '00000000000000e1', permissions: [] });
      grant('access-token', { kind: 'oauth_access', tokenId: '00000000000000e2', permissions: [] });
    });

    it("gives a session cookie the user's permissions as they are now", async () => {
      expect(await resolve('acme-abc123.localhost', cookie('session-id'))).toEqual({
        instanceId: ACME,
        kind: 'session',
        user: ADA,
        tokenId: null,
        sessionId: '00000000000000e1',
        permissions: [...selfPermissions(ADA.id), ...orgOwnerPermissions('00000000000000c1')],
      });
      auth.orgRoles.length = 0;
      expect((await resolve('acme-abc123.localhost', cookie('session-id'))).permissions).toEqual(
        selfPermissions(ADA.id),
      );
    });

    it("gives an OAuth access token its user's permissions as they are now, as a token", async () => {
      const caller = await resolve('acme-abc123.localhost', header('access-token'));
      expect(caller).toMatchObject({ kind: 'token', tokenId: '00000000000000e2', sessionId: null });
      expect(caller.permissions).toContainEqual({
        action: 'write',
        resource: { type: 'buckets', orgID: '00000000000000c1' },
      });
    });

    it('takes a session only from the cookie, and a token never from it', async () => {
      await expect(resolve('acme-abc123.localhost', cookie('acme-pat'))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
      });
      await expect(resolve('acme-abc123.localhost', cookie('access-token'))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
      });
    });
  });
});
