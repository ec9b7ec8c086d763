import { orgOwnerPermissions } from '@app/domain';

import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

/**
 * Issue 9, finding 9: an org owner who is no instance operator must not touch an operator's token or remove an
 * instance owner from its org, and nobody may leave an org without owners or the instance without an operator.
 */
describe('Owner rules', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let operatorPat: string;
  let olga: { id: string; token: string; tokenId: string };

  const call = (method: string, path: string, token: string, body?: unknown): Promise<HttpAnswer> =>
    http(stack.baseUrl, method, path, { token: null, headers: { authorization: `Token ${token}` }, body });
  const ok = async (answer: Promise<HttpAnswer>, status: number): Promise<any> => {
    const res = await answer;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const op = () => tenant.operatorToken;

  beforeAll(async () => {
    stack = await TestStack.start();
    tenant = await createTenant(stack, 'owners');
    [{ id: operatorPat }] = await stack.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE instance_id = $1 AND kind = 'pat'`,
      [tenant.instanceId],
    );
    const id = (await ok(call('POST', '/api/v2/users', op(), { name: 'olga' }), 201)).id;
    await ok(call('POST', `/api/v2/orgs/${tenant.org.id}/owners`, op(), { id }), 201);
    const auth = await ok(
      call('POST', '/api/v2/authorizations', op(), {
        orgID: tenant.org.id,
        userID: id,
        permissions: orgOwnerPermissions(tenant.org.id),
      }),
      201,
    );
    olga = { id, token: auth.token, tokenId: auth.id };
  });

  afterAll(async () => {
    await stack.stop();
  });

  it("refuses an org owner who is no operator to deactivate, reactivate or delete an operator's token", async () => {
    for (const status of ['inactive', 'active']) {
      const res = await call('PATCH', `/api/v2/authorizations/${operatorPat}`, olga.token, { status });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'forbidden', message: expect.stringContaining('instance operator') });
    }
    expect((await call('DELETE', `/api/v2/authorizations/${operatorPat}`, olga.token)).status).toBe(403);
    expect((await call('GET', '/api/v2/me', op())).status).toBe(200);
  });

  it('lets the token owner and an operator change a token', async () => {
    await ok(
      call('PATCH', `/api/v2/authorizations/${olga.tokenId}`, op(), { description: 'set by the operator' }),
      200,
    );
    expect(
      (await ok(call('PATCH', `/api/v2/authorizations/${olga.tokenId}`, olga.token, { status: 'inactive' }), 200))
        .status,
    ).toBe('inactive');
    await ok(call('PATCH', `/api/v2/authorizations/${olga.tokenId}`, op(), { status: 'active' }), 200);
  });

  it("refuses an org owner who is no operator to remove an instance owner from the org's owners", async () => {
    const res = await call('DELETE', `/api/v2/orgs/${tenant.org.id}/owners/${tenant.admin.id}`, olga.token);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('instance operator');
    const owners = await ok(call('GET', `/api/v2/orgs/${tenant.org.id}/owners`, op()), 200);
    expect(owners.users.map((u: { id: string }) => u.id)).toContain(tenant.admin.id);
  });

  it('refuses to remove the last owner of an org, and to delete the user who is it', async () => {
    const org = await ok(call('POST', '/api/v2/orgs', op(), { name: 'Lonely org' }), 201);
    await ok(call('POST', `/api/v2/orgs/${org.id}/owners`, op(), { id: olga.id }), 201);
    await ok(call('DELETE', `/api/v2/orgs/${org.id}/owners/${tenant.machineUserId}`, op()), 204);

    const last = await call('DELETE', `/api/v2/orgs/${org.id}/owners/${olga.id}`, op());
    expect(last.status).toBe(422);
    expect(last.body).toEqual({
      code: 'conflict',
      message: expect.stringMatching(/last owner of organization Lonely org/),
    });
    const deleted = await call('DELETE', `/api/v2/users/${olga.id}`, op());
    expect(deleted.status).toBe(422);
    expect(deleted.body.message).toMatch(/last owner of organization Lonely org/);
    const owners = await ok(call('GET', `/api/v2/orgs/${org.id}/owners`, op()), 200);
    expect(owners.users.map((u: { id: string }) => u.id)).toEqual([olga.id]);
  });

  it('refuses to delete or deactivate the last active instance operator, also oneself', async () => {
    await ok(call('DELETE', `/api/v2/users/${tenant.admin.id}`, op()), 204);
    const self = await call('DELETE', `/api/v2/users/${tenant.machineUserId}`, op());
    expect(self.status).toBe(422);
    expect(self.body).toEqual({ code: 'conflict', message: expect.stringContaining('last active instance operator') });
    const deactivated = await call('PATCH', `/api/v2/users/${tenant.machineUserId}`, op(), { status: 'inactive' });
    expect(deactivated.status).toBe(422);
    expect((await call('GET', '/api/v2/me', op())).status).toBe(200);
  });

  it('refuses concurrent removals that would together leave an org without owners', async () => {
    const org = await ok(call('POST', '/api/v2/orgs', op(), { name: 'Race org' }), 201);
    await ok(call('POST', `/api/v2/orgs/${org.id}/owners`, op(), { id: olga.id }), 201);
    const answers = await Promise.all(
      [tenant.machineUserId, olga.id].map((id) => call('DELETE', `/api/v2/orgs/${org.id}/owners/${id}`, op())),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([204, 422]);
    const owners = await ok(call('GET', `/api/v2/orgs/${org.id}/owners`, op()), 200);
    expect(owners.users).toHaveLength(1);
  });
});
