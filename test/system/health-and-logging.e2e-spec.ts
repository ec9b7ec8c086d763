import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';

describe('health and request logging', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('answers /healthz and /readyz (PostgreSQL, Redis and migrations) without credentials', async () => {
    expect((await http(stack.baseUrl, 'GET', '/healthz', { token: null })).status).toBe(200);
    const ready = await http(stack.baseUrl, 'GET', '/readyz', { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body.info).toEqual({ database: { status: 'up' }, redis: { status: 'up' }, migrations: { status: 'up' } });
  });

  it('logs each request as JSON with its request id and trace span, and never its credentials', async () => {
    const res = await http(stack.baseUrl, 'GET', '/system/v1/instances/0000000000000000', {
      headers: { 'Zap-Trace-Span': 'span-4711', 'X-Request-Id': 'req-4711' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-4711');
    const line = stack.logs.lines.map((l) => JSON.parse(l)).find((l) => l.req?.id === 'req-4711');
    expect(line).toMatchObject({ traceSpan: 'span-4711', req: { method: 'GET', path: '/system/v1/instances/0000000000000000' }, res: { statusCode: 404 } });
    expect(stack.logs.text()).not.toContain('test-system-token');
  });

  it('answers unknown routes in the System API error format', async () => {
    const res = await http(stack.baseUrl, 'GET', '/system/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 5, message: expect.any(String), details: [] });
  });
});
