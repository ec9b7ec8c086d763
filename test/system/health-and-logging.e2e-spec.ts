import { APPLICATION_ROLE } from '@app/infrastructure';

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
    expect(ready.body.info).toEqual({
      database: { status: 'up', role: APPLICATION_ROLE, rowLevelSecurity: true },
      redis: { status: 'up' },
      migrations: { status: 'up' },
    });
  });

  it('logs each request as JSON with its request id and trace span, and never its credentials', async () => {
    const res = await http(stack.baseUrl, 'GET', '/system/v1/instances/0000000000000000', {
      headers: { 'Zap-Trace-Span': 'span-4711', 'X-Request-Id': 'req-4711' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-4711');
    const line = stack.logs.lines.map((l) => JSON.parse(l)).find((l) => l.req?.id === 'req-4711');
    expect(line).toMatchObject({
      traceSpan: 'span-4711',
      req: { method: 'GET', path: '/system/v1/instances/0000000000000000' },
      res: { statusCode: 404 },
    });
    expect(stack.logs.text()).not.toContain('test-system-token');
  });

  it('exposes Prometheus metrics: HTTP latency by route template, queue depth and operations', async () => {
    await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Metered' },
      headers: { Prefer: 'respond-async' },
    });
    await http(stack.baseUrl, 'GET', '/system/v1/instances/0123456789abcdef');
    const res = await http(stack.baseUrl, 'GET', '/metrics', { token: null });
    expect(res.status).toBe(200);
    const text = String(res.body);
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/system\/v1\/instances\/:instanceId",status="404"\} \d+/,
    );
    expect(text).not.toContain('0123456789abcdef');
    expect(text).toMatch(/provisioning_queue_jobs\{state="waiting"\} 1/);
    expect(text).toMatch(/provisioning_operations\{kind="CREATE_INSTANCE",state="PENDING"\} 1/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves its OpenAPI document and a browsable UI', async () => {
    const doc = await http(stack.baseUrl, 'GET', '/openapi.json', { token: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/system/v1/instances/_create',
        '/system/v1/operations/{operationId}',
        '/api/v2/setup',
        '/api/v2/buckets',
      ]),
    );
    const ui = await http(stack.baseUrl, 'GET', '/docs', { token: null });
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('<html');
  });

  it('answers unknown routes in the System API error format', async () => {
    const res = await http(stack.baseUrl, 'GET', '/system/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 5, message: expect.any(String), details: [] });
  });
});
