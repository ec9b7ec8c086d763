import { createHash, randomBytes } from 'node:crypto';

import { orgOwnerPermissions } from '@app/domain';

import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

/**
 * Issue 9, finding 4: inside one instance, the owner of org O must not reach org P's resources by naming them in a
 * permission, nor by attaching P's label or a stranger to one of O's buckets.
 */
describe('Cross-org isolation inside one instance', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let orgO: string;
  let orgP: string;
  let payroll: string;
  let secretLabel: string;
  let ownerOfO: { id: string; token: string };
  let stranger: string;

  const call = (method: string, path: string, token: string, body?: unknown): Promise<HttpAnswer> =>
    http(stack.baseUrl, method, path, { token: null, headers: { authorization: `Token ${token}` }, body });
  const created = async (answer: Promise<HttpAnswer>): Promise<any> => {
    const res = await answer;
    if (res.status !== 201) throw new Error(`expected 201, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'cross-org');
    const op = tenant.operatorToken;
    orgO = tenant.org.id;
    orgP = (await created(call('POST', '/api/v2/orgs', op, { name: 'Payroll department' }))).id;
    payroll = (await created(call('POST', '/api/v2/buckets', op, { orgID: orgP, name: 'payroll data' }))).id;
    secretLabel = (
      await created(
        call('POST', '/api/v2/labels', op, { orgID: orgP, name: 'merger', properties: { codename: 'falcon' } }),
      )
    ).label.id;
    const olga = (await created(call('POST', '/api/v2/users', op, { name: 'olga' }))).id;
    stranger = (await created(call('POST', '/api/v2/users', op, { name: 'stranger' }))).id;
    await created(call('POST', `/api/v2/orgs/${orgO}/owners`, op, { id: olga }));
    // Olga's token holds what an owner of O holds, and may read Olga herself: nothing more.
    const permissions = [...orgOwnerPermissions(orgO), { action: 'read', resource: { type: 'users', id: olga } }];
    const token = await created(call('POST', '/api/v2/authorizations', op, { orgID: orgO, userID: olga, permissions }));
    ownerOfO = { id: olga, token: token.token };
  });

  afterAll(async () => {
    await stack.stop();
  });

  it("refuses a permission that names another org's bucket under the token's own org (400 invalid)", async () => {
    const res = await call('POST', '/api/v2/authorizations', ownerOfO.token, {
      orgID: orgO,
      permissions: [{ action: 'read', resource: { type: 'buckets', id: payroll, orgID: orgO } }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'invalid', message: expect.stringContaining('permissions[0].resource.id') });
    expect(JSON.stringify(res.body)).not.toContain('payroll data');
  });

  it('refuses, even to an operator, a permission that names a resource that is not in the org it names', async () => {
    const mismatched = await call('POST', '/api/v2/authorizations', tenant.operatorToken, {
      orgID: orgO,
      permissions: [{ action: 'read', resource: { type: 'labels', id: secretLabel, orgID: orgO } }],
    });
    expect(mismatched.status).toBe(400);
    const unknown = await call('POST', '/api/v2/authorizations', tenant.operatorToken, {
      orgID: orgO,
      permissions: [{ action: 'read', resource: { type: 'buckets', id: '0123456789abcdef', orgID: orgO } }],
    });
    expect(unknown.status).toBe(400);
    const right = await call('POST', '/api/v2/authorizations', tenant.operatorToken, {
      orgID: orgP,
      permissions: [{ action: 'read', resource: { type: 'buckets', id: payroll, orgID: orgP } }],
    });
    expect(right.status).toBe(201);
  });

  it('grants nothing through such a permission stored before the rule existed', async () => {
    const plaintext = randomBytes(32).toString('base64url');
    await stack.db.query(
      `INSERT INTO tokens (instance_id, id, user_id, org_id, kind, digest, description, status, permissions, expires_at, created_at, updated_at)
       VALUES ($1, 'beefbeefbeefbeef', $2, $3, 'authorization', $4, 'legacy', 'active', $5, NULL, now(), now())`,
      [
        tenant.instanceId,
        ownerOfO.id,
        orgO,
        createHash('sha256').update(plaintext, 'utf8').digest('hex'),
        JSON.stringify([{ action: 'read', resource: { type: 'buckets', id: payroll, orgID: orgO } }]),
      ],
    );
    const listed = await call('GET', '/api/v2/buckets', plaintext);
    expect(listed.status).toBe(200);
    expect(listed.body.buckets.map((b: { name: string }) => b.name)).not.toContain('payroll data');
    expect((await call('GET', `/api/v2/buckets?id=${payroll}`, plaintext)).body.buckets).toEqual([]);
    expect((await call('GET', `/api/v2/buckets/${payroll}`, plaintext)).status).toBe(401);
  });

  it("does not attach another org's label to a bucket, nor show the label's name or properties", async () => {
    const ownBucket = (
      await created(call('POST', '/api/v2/buckets', ownerOfO.token, { orgID: orgO, name: 'olga bucket' }))
    ).id;
    const res = await call('POST', `/api/v2/buckets/${ownBucket}/labels`, ownerOfO.token, { labelID: secretLabel });
    expect(res.body).toEqual({ code: 'unauthorized', message: expect.any(String) });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toMatch(/merger|falcon/);
    // An operator may read the label, but it still belongs to another org than the bucket.
    const byOperator = await call('POST', `/api/v2/buckets/${ownBucket}/labels`, tenant.operatorToken, {
      labelID: secretLabel,
    });
    expect(byOperator.status).toBe(400);
    expect(byOperator.body.code).toBe('invalid');
    expect((await call('GET', `/api/v2/buckets/${ownBucket}/labels`, tenant.operatorToken)).body.labels).toEqual([]);
  });

  it('does not add a user it may not read as a bucket member, nor show its name', async () => {
    const ownBucket = (
      await created(call('POST', '/api/v2/buckets', ownerOfO.token, { orgID: orgO, name: 'olga members' }))
    ).id;
    const res = await call('POST', `/api/v2/buckets/${ownBucket}/members`, ownerOfO.token, { id: stranger });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('"stranger"');
    expect((await call('GET', `/api/v2/buckets/${ownBucket}/members`, tenant.operatorToken)).body.users).toEqual([]);
    // Olga may read herself, so she may add herself.
    expect(
      (await call('POST', `/api/v2/buckets/${ownBucket}/members`, ownerOfO.token, { id: ownerOfO.id })).status,
    ).toBe(201);
  });
});
