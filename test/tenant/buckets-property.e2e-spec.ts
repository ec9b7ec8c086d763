import fc from 'fast-check';

import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const INFLUX_CODES = [
  'internal error',
  'not implemented',
  'not found',
  'conflict',
  'invalid',
  'unprocessable entity',
  'empty value',
  'unavailable',
  'forbidden',
  'too many requests',
  'unauthorized',
  'method not allowed',
  'request too large',
  'unsupported media type',
];

describe('POST /api/v2/buckets with random bodies', () => {
  let stack: TestStack;
  let tenant: TestTenant;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: true });
    tenant = await createTenant(stack, 'fuzz');
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('answers 201 or a 4xx with an InfluxDB error body, never a 5xx', async () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const number = fc.oneof(
      fc.integer({ min: -10, max: 10 }),
      fc.integer({ min: 3590, max: 3610 }),
      fc.constantFrom(0, 86400, 2 ** 31, 2 ** 53, -(2 ** 53)),
      fc.double(),
      fc.string(),
      fc.constant(null),
    );
    const rule = fc.record(
      { type: fc.oneof(fc.constant('expire'), fc.string()), everySeconds: number, shardGroupDurationSeconds: number },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        // mostly valid values elsewhere, so that odd values of one field reach the database
        orgID: fc.oneof(
          { weight: 8, arbitrary: fc.constant(tenant.org.id) },
          fc.stringMatching(/^[0-9a-f]{16}$/),
          anything,
        ),
        name: fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
          fc.constantFrom('_x', 'a"b', '', ' ', 'ok', 'ünïcødé', '🪣', 'nul\u0000byte'),
          anything,
        ),
        description: fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 20 }), anything),
        rp: fc.oneof(fc.string(), anything),
        retentionRules: fc.oneof(
          { weight: 4, arbitrary: fc.array(rule, { maxLength: 1 }) },
          fc.array(rule, { maxLength: 3 }),
          anything,
        ),
        schemaType: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('implicit', 'explicit') }, fc.string(), anything),
        extra: anything,
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof({ weight: 9, arbitrary: body }, { weight: 1, arbitrary: anything });

    await fc.assert(
      fc.asyncProperty(bodies, async (payload) => {
        const res = await http(stack.baseUrl, 'POST', '/api/v2/buckets', {
          token: null,
          headers: { authorization: `Token ${tenant.operatorToken}` },
          body: payload,
        });
        if (res.status === 201) return res.body.orgID === tenant.org.id && typeof res.body.id === 'string';
        return (
          res.status >= 400 &&
          res.status < 500 &&
          INFLUX_CODES.includes(res.body?.code) &&
          typeof res.body?.message === 'string'
        );
      }),
      { numRuns: 300 },
    );
  }, 120000);
  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
