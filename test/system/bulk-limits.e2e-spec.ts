import { fromJson } from '@bufbuild/protobuf';
import { BulkSetLimitsResponseSchema } from '@zitadel/proto/zitadel/system_pb';

import { http } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const BULK = '/system/v1/instances/limits/_bulk';

describe('System API BulkSetLimits (PUT /system/v1/instances/limits/_bulk)', () => {
  let stack: TestStack;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    stack = await TestStack.start();
    a = await createTenant(stack, 'bulka');
    b = await createTenant(stack, 'bulkb');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const tenantStatus = async (t: TestTenant) =>
    (
      await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
        token: null,
        headers: { authorization: `Token ${t.operatorToken}` },
      })
    ).status;
  const blocked = async (t: TestTenant) =>
    (await stack.db.query<{ blocked: boolean }>('SELECT blocked FROM instances WHERE id = $1', [t.instanceId]))[0]
      .blocked;

  it('applies each item and answers targetDetails in request order (the route is not taken by instances/{id})', async () => {
    const res = await http(stack.baseUrl, 'PUT', BULK, {
      body: {
        limits: [
          { instanceId: b.instanceId, block: true },
          { instanceId: a.instanceId, block: false },
        ],
      },
    });
    expect(res.status).toBe(200);
    const parsed = fromJson(BulkSetLimitsResponseSchema, res.body);
    expect(parsed.targetDetails.map((d) => d.resourceOwner)).toEqual([b.instanceId, a.instanceId]);
    expect(parsed.details?.changeDate).toBeDefined();
    expect(await tenantStatus(b)).toBe(429);
    expect(await tenantStatus(a)).toBe(200);

    const swapped = await http(stack.baseUrl, 'PUT', BULK, {
      body: {
        limits: [
          { instanceId: a.instanceId, block: true },
          { instanceId: b.instanceId, block: false },
        ],
      },
    });
    expect(fromJson(BulkSetLimitsResponseSchema, swapped.body).targetDetails.map((d) => d.resourceOwner)).toEqual([
      a.instanceId,
      b.instanceId,
    ]);
    expect([await blocked(a), await blocked(b)]).toEqual([true, false]);
    await http(stack.baseUrl, 'PUT', BULK, { body: { limits: [{ instanceId: a.instanceId, block: false }] } });
    expect(await tenantStatus(a)).toBe(200);
  });

  it('is all or nothing, as in ZITADEL: one unknown instance applies none (404, code 5)', async () => {
    const res = await http(stack.baseUrl, 'PUT', BULK, {
      body: {
        limits: [
          { instanceId: a.instanceId, block: true },
          { instanceId: '0123456789abcdef', block: true },
        ],
      },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 5, details: [] });
    expect(await blocked(a)).toBe(false);
  });

  it('refuses an item that sets nothing or names no instance, and a body without a list, with InvalidArgument (400, code 3)', async () => {
    for (const body of [
      { limits: [{ instanceId: a.instanceId }] },
      { limits: [{ block: true }] },
      { limits: 'x' },
      { limits: [{ instanceId: a.instanceId, block: 'yes' }] },
    ]) {
      const res = await http(stack.baseUrl, 'PUT', BULK, { body });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 3 });
    }
    expect(await blocked(a)).toBe(false);
  });

  it('a bulk item that omits block leaves block as it is', async () => {
    await http(stack.baseUrl, 'PUT', BULK, { body: { limits: [{ instanceId: b.instanceId, block: true }] } });
    const res = await http(stack.baseUrl, 'PUT', BULK, {
      body: { limits: [{ instanceId: b.instanceId, auditLogRetention: '86400s' }] },
    });
    expect(res.status).toBe(200);
    expect(await blocked(b)).toBe(true);
  });
});
