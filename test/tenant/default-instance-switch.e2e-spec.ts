import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';

const BASE_DOMAIN = 'test.localhost';

/** Issue 9, finding 8: production can turn the open default instance off with ONBOARD_DEFAULT_INSTANCE=false. */
describe('ONBOARD_DEFAULT_INSTANCE=false', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, config: { ONBOARD_DEFAULT_INSTANCE: 'false' } });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('creates no default instance, and BASE_DOMAIN answers 404 saying that it is turned off', async () => {
    expect(await stack.db.query('SELECT id FROM instances WHERE is_default')).toEqual([]);
    for (const [method, path] of [
      ['GET', '/api/v2/setup'],
      ['POST', '/api/v2/setup'],
    ]) {
      const res = await http(stack.baseUrl, method, path, {
        token: null,
        headers: { host: BASE_DOMAIN },
        body: method === 'POST' ? {} : undefined,
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'not found', message: expect.stringContaining('ONBOARD_DEFAULT_INSTANCE') });
    }
  });

  it('does not serve a default instance that an earlier start created', async () => {
    await stack.db.query(
      `INSERT INTO instances (id, name, state, default_language, is_default, created_at, updated_at) VALUES ('00000000000000de', 'default', 'STATE_RUNNING', 'en', true, now(), now())`,
    );
    await stack.db.query(
      `INSERT INTO instance_domains (instance_id, domain, is_generated, is_primary, created_at) VALUES ('00000000000000de', $1, true, true, now())`,
      [BASE_DOMAIN],
    );
    const res = await http(stack.baseUrl, 'GET', '/api/v2/setup', { token: null, headers: { host: BASE_DOMAIN } });
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('ONBOARD_DEFAULT_INSTANCE');
  });
});
