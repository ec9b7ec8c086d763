import { http } from '../support/system-api';
import { basicAuth } from '../support/sessions';
import { createTenant, TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

describe('POST /api/v2/signin is rate limited per address and user', () => {
  let stack: TestStack;
  let tenant: TestTenant;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { SIGNIN_ATTEMPTS_PER_MINUTE: '3' } });
    tenant = await createTenant(stack, 'throttle');
  });

  afterAll(async () => {
    await stack.stop();
  });

  const signIn = (name: string, password: string) =>
    http(stack.baseUrl, 'POST', '/api/v2/signin', { token: null, headers: { host: tenant.domain, authorization: basicAuth(name, password) } });

  it('answers 429 after too many attempts for one user, and still lets others sign in', async () => {
    for (let i = 0; i < 3; i += 1) expect((await signIn(tenant.admin.name, 'wrong-password')).status).toBe(401);
    const limited = await signIn(tenant.admin.name, tenant.admin.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'too many requests', message: expect.any(String) });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

    const user = await http(stack.baseUrl, 'POST', '/api/v2/users', { token: null, headers: { authorization: `Token ${tenant.operatorToken}` }, body: { name: 'someone-else' } });
    await http(stack.baseUrl, 'POST', `/api/v2/users/${user.body.id}/password`, { token: null, headers: { authorization: `Token ${tenant.operatorToken}` }, body: { password: 'someone-password' } });
    expect((await signIn('someone-else', 'someone-password')).status).toBe(204);
  });
});
