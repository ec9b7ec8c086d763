import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';

const TENANT_TABLES = ['orgs', 'users', 'org_members', 'instance_members', 'tokens', 'machine_keys', 'buckets'];

describe('POST /system/v1/instances/_create', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function rowsOf(table: string, instanceId: string) {
    return stack.db.query(`SELECT * FROM ${table} WHERE instance_id = $1`, [instanceId]);
  }

  it('provisions a whole instance synchronously and answers like ZITADEL', async () => {
    const request = fullCreateRequest('sync');
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: request });

    expect(res.status).toBe(200);
    const { instanceId, details, pat, machineKey } = res.body;
    expect(instanceId).toMatch(/^[0-9a-f]{16}$/);
    expect(details).toEqual({
      sequence: expect.stringMatching(/^\d+$/),
      creationDate: expect.any(String),
      changeDate: expect.any(String),
      resourceOwner: instanceId,
    });
    expect(typeof pat).toBe('string');
    expect(typeof machineKey).toBe('string');

    const [instance] = await stack.db.query<{ state: string; name: string }>('SELECT * FROM instances WHERE id = $1', [
      instanceId,
    ]);
    expect(instance).toMatchObject({ state: 'STATE_RUNNING', name: request.instanceName });

    const domains = await rowsOf('instance_domains', instanceId);
    expect(domains).toHaveLength(2);
    expect(domains.find((d) => d.is_generated)?.domain).toMatch(/^acme-sync-[a-z0-9]{6}\.test\.localhost$/);
    expect(domains.find((d) => !d.is_generated)).toMatchObject({ domain: request.customDomain, is_primary: true });

    const [org] = await rowsOf('orgs', instanceId);
    expect(org.name).toBe(request.firstOrgName);
    const users = await rowsOf('users', instanceId);
    expect(users.map((u) => [u.kind, u.name]).sort()).toEqual([
      ['human', request.human.userName],
      ['machine', request.machine.userName],
    ]);
    const human = users.find((u) => u.kind === 'human')!;
    expect(human).toMatchObject({
      email: request.human.email.email,
      email_verified: true,
      first_name: 'Alice',
      last_name: 'Admin',
    });
    expect(human.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const orgOwners = await rowsOf('org_members', instanceId);
    expect(orgOwners.map((m) => [m.org_id, m.role]).sort()).toEqual([
      [org.id, 'owner'],
      [org.id, 'owner'],
    ]);
    expect(orgOwners.map((m) => m.user_id).sort()).toEqual(users.map((u) => u.id).sort());
    const instanceOwners = await rowsOf('instance_members', instanceId);
    expect(instanceOwners.map((m) => m.user_id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(instanceOwners.every((m) => m.role === 'owner')).toBe(true);

    const [token] = await rowsOf('tokens', instanceId);
    expect(token).toMatchObject({
      kind: 'pat',
      user_id: users.find((u) => u.kind === 'machine')!.id,
      status: 'active',
    });
    expect(new Date(token.expires_at as string).toISOString()).toBe('2519-04-01T08:45:00.000Z');
    const [key] = await rowsOf('machine_keys', instanceId);
    expect(key.public_key_pem).toContain('BEGIN PUBLIC KEY');

    const buckets = await stack.db.query<{ name: string; type: string; retention_seconds: string; org_id: string }>(
      'SELECT name, type, retention_seconds, org_id FROM buckets WHERE instance_id = $1 ORDER BY name',
      [instanceId],
    );
    expect(buckets).toEqual([
      { name: '_monitoring', type: 'system', retention_seconds: String(7 * 86400), org_id: org.id },
      { name: '_tasks', type: 'system', retention_seconds: String(3 * 86400), org_id: org.id },
      { name: 'default', type: 'user', retention_seconds: String(30 * 86400), org_id: org.id },
    ]);
  });

  it('reports sequence and dates that match the events table', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('events'),
    });
    const { instanceId, details } = res.body;
    const events = await stack.db.query<{
      sequence: string;
      created_at: Date;
      event_type: string;
      instance_id: string;
    }>(
      'SELECT sequence::text, created_at, event_type, instance_id FROM events WHERE instance_id = $1 ORDER BY sequence',
      [instanceId],
    );
    expect(events.map((e) => e.event_type)).toEqual(
      expect.arrayContaining([
        'instance.added',
        'org.added',
        'user.human.added',
        'user.machine.added',
        'member.owner.added',
        'personal_access_token.added',
        'machine_key.added',
        'bucket.added',
        'instance.running',
      ]),
    );
    const instanceEvents = events.filter((e) => e.event_type.startsWith('instance.'));
    expect(details.sequence).toBe(events[events.length - 1].sequence);
    expect(details.creationDate).toBe(instanceEvents[0].created_at.toISOString());
    expect(details.changeDate).toBe(instanceEvents[instanceEvents.length - 1].created_at.toISOString());

    const got = await http(stack.baseUrl, 'GET', `/system/v1/instances/${instanceId}`);
    expect(got.status).toBe(200);
    expect(got.body.instance).toMatchObject({ id: instanceId, state: 'STATE_RUNNING', name: 'Acme events', details });
    expect(got.body.instance.domains).toHaveLength(2);
  });

  it('answers 202 with the operation when asked to respond asynchronously, and the operation finishes', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('async'),
      headers: { Prefer: 'respond-async' },
    });
    expect(res.status).toBe(202);
    const operationId = res.body.id;
    expect(res.headers.get('location')).toBe(`/system/v1/operations/${operationId}`);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ kind: 'CREATE_INSTANCE', state: expect.stringMatching(/PENDING|RUNNING/) });
    expect(res.body.result).toBeUndefined();

    const done = await waitForOperation(stack.baseUrl, operationId);
    expect(done).toMatchObject({
      id: operationId,
      state: 'SUCCEEDED',
      attempts: 1,
      progress: { completedSteps: 4, totalSteps: 4 },
      result: { instanceId: res.body.instanceId, pat: expect.any(String), machineKey: expect.any(String) },
    });
    expect(new Date(done.finishedAt!).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt!).getTime());
    // Every step of the attempt, in order, with when it began and how long it took (the last until finishedAt).
    const steps = done.progress.steps ?? [];
    expect(steps.map((s) => s.name)).toEqual([
      'GENERATE_MACHINE_KEY',
      'HASH_PASSWORD',
      'GENERATE_PERSONAL_ACCESS_TOKEN',
      'WRITE_INSTANCE',
    ]);
    for (const [i, step] of steps.entries()) {
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      const end = steps[i + 1]?.startedAt ?? done.finishedAt!;
      expect(new Date(step.startedAt).getTime() + step.durationMs!).toBe(new Date(end).getTime());
    }
    for (const table of TENANT_TABLES) {
      expect((await rowsOf(table, res.body.instanceId)).length).toBeGreaterThan(0);
    }
  });

  it('creates an instance awaiting setup when neither human nor machine is given', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Awaiting setup' },
    });
    expect(res.status).toBe(200);
    expect(res.body.pat).toBeUndefined();
    expect(res.body.machineKey).toBeUndefined();
    const got = await http(stack.baseUrl, 'GET', `/system/v1/instances/${res.body.instanceId}`);
    expect(got.body.instance.state).toBe('STATE_RUNNING');
    for (const table of TENANT_TABLES) {
      expect(await rowsOf(table, res.body.instanceId)).toHaveLength(0);
    }
  });

  it('hands the secrets of a finished operation only to the caller that created it', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('owner'),
      headers: { Prefer: 'respond-async' },
    });
    const done = await waitForOperation(stack.baseUrl, res.body.id);
    expect(done.result?.pat).toEqual(expect.any(String));

    // A second API on the same database that accepts the first credential and another one.
    const shared = await TestStack.start({
      worker: false,
      config: { SYSTEM_API_TOKENS: `${SYSTEM_TOKEN},second-operator-token-1234`, DATABASE_URL: stack.db.url },
    });
    try {
      const seenByOther = await http(shared.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`, {
        token: 'second-operator-token-1234',
      });
      expect(seenByOther.status).toBe(200);
      expect(seenByOther.body.result.instanceId).toBe(res.body.instanceId);
      expect(seenByOther.body.result.pat).toBeUndefined();
      expect(seenByOther.body.result.machineKey).toBeUndefined();
      const seenByOwner = await http(shared.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`);
      expect(seenByOwner.body.result.pat).toBe(done.result?.pat);
    } finally {
      await shared.stop();
    }
  });
});
