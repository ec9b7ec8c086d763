import { operatorPermissions, orgOwnerPermissions, type Permission } from '../../authorization/permission';
import { type Authorization } from '../../authorizations/authorization';
import { DomainError, ErrorCode } from '../../errors';
import { type Org } from '../../orgs/org';
import {
  type AuthorizationRepository,
  type Clock,
  type IdGenerator,
  type NewAuthorization,
  type OrgRepository,
  type TokenGenerator,
} from '../../ports';
import { type CallerUser, type TenantCaller } from '../../tenancy/tenant-caller';
import { CreateAuthorizationCommand } from './create-authorization.command';
import { CreateAuthorizationHandler } from './create-authorization.handler';

const INSTANCE = '1111111111111111';
const ORG: Org = {
  id: 'aaaaaaaaaaaaaaaa',
  name: 'Acme',
  description: '',
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const ME: CallerUser = { id: 'cccccccccccccccc', name: 'me', status: 'active' };
const OTHER: CallerUser = { id: 'dddddddddddddddd', name: 'other', status: 'active' };
const READ_BUCKETS: Permission = { action: 'read', resource: { type: 'buckets', orgID: ORG.id } };
const BUCKET_OF_ORG = 'b0b0b0b0b0b0b0b0';
const BUCKET_ELSEWHERE = 'b1b1b1b1b1b1b1b1';

function setup() {
  const stored: NewAuthorization[] = [];
  const orgs = {
    findById: async (instanceId: string, id: string) => (instanceId === INSTANCE && id === ORG.id ? ORG : null),
    findUser: async (instanceId: string, id: string) =>
      instanceId === INSTANCE ? ([ME, OTHER].find((u) => u.id === id) ?? null) : null,
  } as unknown as OrgRepository;
  const authorizations = {
    // one bucket of ORG and one of another org of the instance
    resourceOrgs: async () =>
      new Map([
        [`buckets/${BUCKET_OF_ORG}`, ORG.id],
        [`buckets/${BUCKET_ELSEWHERE}`, '9999999999999999'],
      ]),
    create: async (_: string, auth: NewAuthorization): Promise<Authorization> => {
      stored.push(auth);
      return {
        id: auth.id,
        kind: 'authorization',
        status: auth.status,
        description: auth.description,
        orgId: auth.orgId,
        orgName: ORG.name,
        userId: auth.userId,
        userName: 'x',
        permissions: [...auth.permissions],
        createdAt: new Date(0),
        updatedAt: new Date(0),
      };
    },
  } as unknown as AuthorizationRepository;
  const tokens = {
    generate: () => ({ plaintext: 'plain-token', digest: 'digest-of-plain-token' }),
    digest: (t: string) => `digest-of-${t}`,
  };
  const ids = { newId: () => 'eeeeeeeeeeeeeeee', randomSuffix: () => 'abcdef' } as IdGenerator;
  const clock = { now: () => new Date(1000) };
  return { stored, handler: new CreateAuthorizationHandler(orgs, authorizations, tokens, ids, clock) };
}

function caller(permissions: Permission[], user: CallerUser | null = ME): TenantCaller {
  return { instanceId: INSTANCE, kind: 'token', user, tokenId: 'ffffffffffffffff', sessionId: null, permissions };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe(CreateAuthorizationHandler.name, () => {
  it("stores the digest only and hands the token back once, for the caller's user by default", async () => {
    const { handler, stored } = setup();
    const created = await handler.execute(
      new CreateAuthorizationCommand(caller(operatorPermissions()), { orgID: ORG.id, permissions: [READ_BUCKETS] }),
    );
    expect(created.token).toBe('plain-token');
    expect(stored).toEqual([
      expect.objectContaining({
        digest: 'digest-of-plain-token',
        userId: ME.id,
        orgId: ORG.id,
        status: 'active',
        description: '',
      }),
    ]);
    expect(JSON.stringify(stored)).not.toContain('"plain-token"');
  });

  it('refuses an org-scoped caller an operator token, naming the first permission it lacks', async () => {
    const { handler, stored } = setup();
    const error = await refusal(
      handler.execute(
        new CreateAuthorizationCommand(caller(orgOwnerPermissions(ORG.id)), {
          orgID: ORG.id,
          permissions: operatorPermissions(),
        }),
      ),
    );
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(error.message).toBe('read:authorizations is unauthorized');
    expect(stored).toEqual([]);
  });

  it('needs write on another user to make a token for it', async () => {
    const { handler } = setup();
    const command = new CreateAuthorizationCommand(caller(orgOwnerPermissions(ORG.id)), {
      orgID: ORG.id,
      userID: OTHER.id,
      permissions: [READ_BUCKETS],
    });
    expect((await refusal(handler.execute(command))).message).toBe(`write:users/${OTHER.id} is unauthorized`);
    const operator = new CreateAuthorizationCommand(caller(operatorPermissions()), {
      orgID: ORG.id,
      userID: OTHER.id,
      permissions: [READ_BUCKETS],
    });
    expect((await handler.execute(operator)).authorization.userId).toBe(OTHER.id);
  });

  it.each([
    ['an unknown org', { orgID: '0123456789abcdef', permissions: [READ_BUCKETS] }, ErrorCode.NotFound],
    ['a malformed org id', { orgID: 'acme', permissions: [READ_BUCKETS] }, ErrorCode.NotFound],
    ['an unknown user', { orgID: ORG.id, userID: '0123456789abcdef', permissions: [READ_BUCKETS] }, ErrorCode.NotFound],
    ['no permissions', { orgID: ORG.id, permissions: [] }, ErrorCode.InvalidArgument],
    ['no org', { permissions: [READ_BUCKETS] }, ErrorCode.InvalidArgument],
  ])('refuses %s', async (_, input, code) => {
    const { handler } = setup();
    expect(
      (await refusal(handler.execute(new CreateAuthorizationCommand(caller(operatorPermissions()), input)))).code,
    ).toBe(code);
  });

  it("refuses, as invalid, a permission naming another org's bucket under the token's org, which the owner's grant seems to cover", async () => {
    const { handler, stored } = setup();
    const named = (id: string): Permission => ({ action: 'read', resource: { type: 'buckets', id, orgID: ORG.id } });
    const error = await refusal(
      handler.execute(
        new CreateAuthorizationCommand(caller(orgOwnerPermissions(ORG.id)), {
          orgID: ORG.id,
          permissions: [named(BUCKET_ELSEWHERE)],
        }),
      ),
    );
    expect(error.code).toBe(ErrorCode.InvalidArgument);
    expect(error.message).toContain('permissions[0].resource.id');
    expect(stored).toEqual([]);
    await handler.execute(
      new CreateAuthorizationCommand(caller(orgOwnerPermissions(ORG.id)), {
        orgID: ORG.id,
        permissions: [named(BUCKET_OF_ORG)],
      }),
    );
    expect(stored).toHaveLength(1);
  });

  it('refuses anonymous callers before looking anything up', async () => {
    const { handler } = setup();
    const anonymous: TenantCaller = { ...caller([]), kind: 'anonymous', user: null };
    const error = await refusal(
      handler.execute(
        new CreateAuthorizationCommand(anonymous, { orgID: '0123456789abcdef', permissions: [READ_BUCKETS] }),
      ),
    );
    expect(error).toEqual(new DomainError(ErrorCode.Unauthenticated, 'unauthorized access'));
  });
});
