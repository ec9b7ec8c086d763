import { sessionCookieHeader, signIn } from '../support/sessions';
import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

type Credential = { authorization: string } | { cookie: string };
type Outcome = 'allowed' | 'unauthorized' | 'not found';

/**
 * Who may read, change and delete a bucket: operator token, org-scoped tokens, member and owner sessions, a user
 * without any role, and another instance's operator token.
 */
describe('bucket permission matrix', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let other: TestTenant;
  const operator = (): Credential => ({ authorization: `Token ${tenant.operatorToken}` });

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'matrix');
    other = await createTenant(stack, 'matrix-other');
  });

  afterAll(async () => {
    await stack.stop();
  });

  const call = (method: string, path: string, credential: Credential, body?: unknown) =>
    http(stack.baseUrl, method, path, { token: null, headers: { ...credential }, body });

  async function newBucket(name: string): Promise<string> {
    const res = await call('POST', '/api/v2/buckets', operator(), { orgID: tenant.org.id, name });
    return res.body.id;
  }

  async function orgToken(actions: ('read' | 'write')[]): Promise<Credential> {
    const res = await call('POST', '/api/v2/authorizations', operator(), {
      orgID: tenant.org.id,
      permissions: actions.map((action) => ({ action, resource: { type: 'buckets', orgID: tenant.org.id } })),
    });
    expect(res.status).toBe(201);
    return { authorization: `Token ${res.body.token}` };
  }

  async function sessionOf(role: 'member' | 'owner' | 'none', bucketId: string, name: string): Promise<Credential> {
    const user = await call('POST', '/api/v2/users', operator(), { name });
    await call('POST', `/api/v2/users/${user.body.id}/password`, operator(), { password: `${name}-password` });
    if (role !== 'none') {
      const added = await call('POST', `/api/v2/buckets/${bucketId}/${role}s`, operator(), { id: user.body.id });
      expect(added.status).toBe(201);
    }
    const { session } = await signIn(stack, tenant.domain, name, `${name}-password`);
    return { cookie: sessionCookieHeader(session) };
  }

  function outcome(status: number): Outcome {
    if (status >= 200 && status < 300) return 'allowed';
    if (status === 401) return 'unauthorized';
    if (status === 404) return 'not found';
    throw new Error(`unexpected status ${status}`);
  }

  async function tryAll(
    credential: Credential,
    bucketId: string,
  ): Promise<Record<'read' | 'write' | 'delete', Outcome>> {
    const read = outcome((await call('GET', `/api/v2/buckets/${bucketId}`, credential)).status);
    const write = outcome(
      (await call('PATCH', `/api/v2/buckets/${bucketId}`, credential, { description: 'changed' })).status,
    );
    const remove = outcome((await call('DELETE', `/api/v2/buckets/${bucketId}`, credential)).status);
    return { read, write, delete: remove };
  }

  it.each([
    ['the operator token', async () => operator(), { read: 'allowed', write: 'allowed', delete: 'allowed' }],
    [
      'an org-scoped read and write token',
      () => orgToken(['read', 'write']),
      { read: 'allowed', write: 'allowed', delete: 'allowed' },
    ],
    [
      'an org-scoped read-only token',
      () => orgToken(['read']),
      { read: 'allowed', write: 'unauthorized', delete: 'unauthorized' },
    ],
    [
      'a bucket member session',
      (id: string) => sessionOf('member', id, `member-${id.slice(-4)}`),
      { read: 'allowed', write: 'unauthorized', delete: 'unauthorized' },
    ],
    [
      'a bucket owner session',
      (id: string) => sessionOf('owner', id, `owner-${id.slice(-4)}`),
      { read: 'allowed', write: 'allowed', delete: 'allowed' },
    ],
    [
      'a session of a user without a role',
      (id: string) => sessionOf('none', id, `nobody-${id.slice(-4)}`),
      { read: 'unauthorized', write: 'unauthorized', delete: 'unauthorized' },
    ],
    [
      "another instance's operator token",
      async () => ({ authorization: `Token ${other.operatorToken}` }),
      { read: 'not found', write: 'not found', delete: 'not found' },
    ],
  ] as const)('%s', async (_, credentialFor, expected) => {
    const bucketId = await newBucket(`matrix-${Math.random().toString(36).slice(2, 8)}`);
    const credential = await credentialFor(bucketId);
    expect(await tryAll(credential, bucketId)).toEqual(expected);
  });

  it('names the missing permission when it refuses', async () => {
    const bucketId = await newBucket('named');
    const res = await call('PATCH', `/api/v2/buckets/${bucketId}`, await orgToken(['read']), { description: 'x' });
    expect(res.body).toEqual({
      code: 'unauthorized',
      message: `write:orgs/${tenant.org.id}/buckets/${bucketId} is unauthorized`,
    });
  });

  it('lists only the buckets a caller may read, with full pages', async () => {
    const ids = [await newBucket('listed-1'), await newBucket('listed-2'), await newBucket('listed-3')];
    const member = await sessionOf('member', ids[1], 'lister');
    const res = await call('GET', '/api/v2/buckets?limit=1', member);
    expect(res.body.buckets.map((b: { id: string }) => b.id)).toEqual([ids[1]]);
    expect(res.body.links.next).toBeUndefined();
  });
});
