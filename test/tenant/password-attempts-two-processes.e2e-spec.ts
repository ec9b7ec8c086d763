import { type ApiProcess, startApiProcess } from '../support/api-process';
import { basicAuth } from '../support/sessions';
import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const PER_USER = 4;

/** The limiter's counters live in Redis: guesses spread over two API processes count as one. */
describe('the password attempt limiter holds across API processes', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  let second: ApiProcess;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { PASSWORD_ATTEMPTS_PER_MINUTE: String(PER_USER) } });
    tenant = await createTenant(stack, 'two-apis');
    second = await startApiProcess(stack.config);
  }, 120_000);

  afterAll(async () => {
    await second?.process.terminate();
    await stack.stop();
  });

  const apis = () => [stack.baseUrl, second.baseUrl];
  const signIn = (baseUrl: string, name: string, password: string) =>
    http(baseUrl, 'POST', '/api/v2/signin', {
      token: null,
      headers: { host: tenant.domain, authorization: basicAuth(name, password) },
    });

  it('signs in on either process', async () => {
    for (const baseUrl of apis())
      expect((await signIn(baseUrl, tenant.admin.name, tenant.admin.password)).status).toBe(204);
  });

  it('answers 429 at the configured count when guesses alternate between the two processes', async () => {
    for (let i = 0; i < PER_USER; i += 1)
      expect((await signIn(apis()[i % 2], tenant.admin.name, `wrong-${i}`)).status).toBe(401);
    for (const baseUrl of apis()) {
      const limited = await signIn(baseUrl, tenant.admin.name, tenant.admin.password);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ code: 'too many requests', message: expect.any(String) });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps its counters under the test prefix, without user names', async () => {
    const dump = await stack.redis.dump();
    expect(dump).toContain(`${stack.redis.prefix}:password-attempts:account:${tenant.instanceId}:`);
    expect(dump).not.toContain(tenant.admin.name);
  });
});
