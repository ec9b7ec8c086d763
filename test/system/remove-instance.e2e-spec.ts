import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { createTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';

const TENANT_TABLES = [
  'orgs',
  'users',
  'org_members',
  'instance_members',
  'tokens',
  'machine_keys',
  'buckets',
  'labels',
  'bucket_labels',
  'bucket_members',
  'instance_domains',
];

describe('DELETE /system/v1/instances/{id}', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function rows(instanceId: string): Promise<number> {
    let total = 0;
    for (const table of TENANT_TABLES) {
      const [{ count }] = await stack.db.query<{ count: string }>(
        `SELECT count(*) FROM ${table} WHERE instance_id = $1`,
        [instanceId],
      );
      total += Number(count);
    }
    return total;
  }

  it('refuses the tenant at once, deletes every row, erases personal data and frees the domain', async () => {
    const customDomain = 'remove-me.example.com';
    const tenant = await createTenant(stack, 'remove', { customDomain });
    const created = await http(stack.baseUrl, 'GET', `/system/v1/instances/${tenant.instanceId}`);
    expect(created.body.instance.state).toBe('STATE_RUNNING');
    await http(stack.baseUrl, 'POST', '/api/v2/buckets', {
      token: null,
      headers: { authorization: `Token ${tenant.operatorToken}` },
      body: { orgID: tenant.org.id, name: 'data' },
    });
    const session = await http(stack.baseUrl, 'POST', '/api/v2/signin', {
      token: null,
      headers: {
        host: tenant.domain,
        authorization: `Basic ${Buffer.from(`${tenant.admin.name}:${tenant.admin.password}`).toString('base64')}`,
      },
    });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toContain('influxdb-oss-session=');

    // Hold the worker back so that the STOPPING state can be seen from outside.
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
    const accepted = await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${tenant.instanceId}`, {
      headers: { Prefer: 'respond-async' },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ kind: 'REMOVE_INSTANCE', state: 'PENDING' });
    expect((await http(stack.baseUrl, 'GET', `/system/v1/instances/${tenant.instanceId}`)).body.instance.state).toBe(
      'STATE_STOPPING',
    );
    const byToken = await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
      token: null,
      headers: { authorization: `Token ${tenant.operatorToken}` },
    });
    expect(byToken.status).toBe(401);
    const bySession = await http(stack.baseUrl, 'GET', '/api/v2/me', { token: null, headers: { cookie } });
    expect(bySession.status).toBe(401);
    const byHost = await http(stack.baseUrl, 'GET', '/api/v2/setup', { token: null, headers: { host: customDomain } });
    expect(byHost.status).toBe(404);
    const again = await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${tenant.instanceId}`, {
      headers: { Prefer: 'respond-async' },
    });
    expect(again.body.id).toBe(accepted.body.id);

    await stack.startWorker();
    const done = await waitForOperation(stack.baseUrl, accepted.body.id);
    expect(done).toMatchObject({ state: 'SUCCEEDED', result: { instanceId: tenant.instanceId } });

    expect(await rows(tenant.instanceId)).toBe(0);
    const gone = await http(stack.baseUrl, 'GET', `/system/v1/instances/${tenant.instanceId}`);
    expect(gone.body.instance.state).toBe('STATE_STOPPED');
    const events = await stack.db.query<{ event_type: string; payload: object }>(
      'SELECT event_type, payload FROM events WHERE instance_id = $1 ORDER BY sequence',
      [tenant.instanceId],
    );
    const text = JSON.stringify(events);
    for (const personal of [tenant.admin.name, 'alice-remove@example.com', 'Alice', tenant.org.name])
      expect(text).not.toContain(personal);
    expect(events[events.length - 1].event_type).toBe('instance.removed');
    // reported to webhooks through the outbox, written in the same transaction
    const outbox = await stack.db.query<{ type: string; payload: { operationId: string } }>(
      "SELECT type, payload FROM outbox_events WHERE instance_id = $1 AND type IN ('instance.removed', 'operation.finished') ORDER BY created_at",
      [tenant.instanceId],
    );
    expect(
      outbox
        .filter((e) => e.payload.operationId === accepted.body.id)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['instance.removed', 'operation.finished']);
    const operations = await stack.db.query<{ sealed_secrets: string | null; sealed_input: string | null }>(
      'SELECT sealed_secrets, sealed_input FROM operations WHERE instance_id = $1',
      [tenant.instanceId],
    );
    expect(operations.every((o) => o.sealed_secrets === null && o.sealed_input === null)).toBe(true);

    const search = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: { queries: [{ idQuery: { ids: [tenant.instanceId] } }] },
    });
    expect(search.body.result).toEqual([]);
    const withStopped = await http(stack.baseUrl, 'POST', '/system/v1/instances/_search', {
      body: { includeStopped: true, queries: [{ idQuery: { ids: [tenant.instanceId] } }] },
    });
    expect(withStopped.body.result.map((i: { state: string }) => i.state)).toEqual(['STATE_STOPPED']);

    const reuse = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { ...fullCreateRequest('reuse'), customDomain },
    });
    expect(reuse.status).toBe(200);
    expect((await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${tenant.instanceId}`)).status).toBe(404);
  });

  it('answers synchronously with the details when not asked to respond asynchronously', async () => {
    const tenant = await createTenant(stack, 'remove-sync');
    const res = await http(stack.baseUrl, 'DELETE', `/system/v1/instances/${tenant.instanceId}`);
    expect(res.status).toBe(200);
    expect(res.body.details).toMatchObject({
      sequence: expect.stringMatching(/^\d+$/),
      resourceOwner: tenant.instanceId,
    });
    expect((await http(stack.baseUrl, 'DELETE', '/system/v1/instances/0000000000000000')).status).toBe(404);
  });
});
