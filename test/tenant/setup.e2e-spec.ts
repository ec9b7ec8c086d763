import { SetupAPI } from '@influxdata/influxdb-client-apis';

import { http } from '../support/system-api';
import { influxClient } from '../support/tenant';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

const DEFAULT_HOST = 'test.localhost';

function onboarding(suffix: string, overrides: Record<string, unknown> = {}) {
  return {
    username: `admin-${suffix}`,
    password: `pw-${suffix}-12345`,
    org: `org-${suffix}`,
    bucket: `bucket-${suffix}`,
    ...overrides,
  };
}

describe('InfluxDB onboarding: /api/v2/setup', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function instanceAwaitingSetup(name: string): Promise<{ instanceId: string; host: string }> {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: { instanceName: name } });
    const [domain] = await stack.db.query<{ domain: string }>(
      'SELECT domain FROM instance_domains WHERE instance_id = $1',
      [res.body.instanceId],
    );
    return { instanceId: res.body.instanceId, host: domain.domain };
  }

  async function tenantRows(instanceId: string): Promise<number> {
    const [{ count }] = await stack.db.query<{ count: string }>(
      `SELECT (SELECT count(*) FROM users WHERE instance_id = $1) + (SELECT count(*) FROM orgs WHERE instance_id = $1)
            + (SELECT count(*) FROM buckets WHERE instance_id = $1) + (SELECT count(*) FROM tokens WHERE instance_id = $1) AS count`,
      [instanceId],
    );
    return Number(count);
  }

  it('onboards the default instance with the official client, exactly as InfluxDB OSS', async () => {
    const setup = new SetupAPI(influxClient(stack, { host: DEFAULT_HOST }));
    expect(await setup.getSetup()).toEqual({ allowed: true });

    const body = onboarding('default', { retentionPeriodSeconds: 7200, retentionPeriodHrs: 100 });
    const done = await setup.postSetup({ body });

    expect(done.user).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: body.username,
      status: 'active',
    });
    expect(done.org).toMatchObject({ name: body.org, links: { self: `/api/v2/orgs/${done.org!.id}` } });
    // retentionPeriodSeconds wins over retentionPeriodHrs
    expect(done.bucket).toMatchObject({
      name: body.bucket,
      orgID: done.org!.id,
      retentionRules: [{ type: 'expire', everySeconds: 7200, shardGroupDurationSeconds: 3600 }],
    });
    expect(done.auth).toMatchObject({
      orgID: done.org!.id,
      userID: done.user!.id,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(done.auth!.permissions!.length).toBeGreaterThan(10);
    expect(await setup.getSetup()).toEqual({ allowed: false });

    const [defaultInstance] = await stack.db.query<{ id: string }>('SELECT id FROM instances WHERE is_default');
    const buckets = await stack.db.query<{ name: string }>(
      'SELECT name FROM buckets WHERE instance_id = $1 ORDER BY name',
      [defaultInstance.id],
    );
    expect(buckets.map((b) => b.name)).toEqual(['_monitoring', '_tasks', body.bucket]);

    // The returned token authenticates in this instance only.
    const withToken = await http(stack.baseUrl, 'GET', '/api/v2/setup', {
      token: null,
      headers: { authorization: `Token ${done.auth!.token}` },
    });
    expect(withToken.status).toBe(200);
    const wrongToken = await http(stack.baseUrl, 'GET', '/api/v2/setup', {
      token: null,
      headers: { authorization: 'Token not-a-token' },
    });
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.body).toEqual({ code: 'unauthorized', message: expect.any(String) });
    expect(wrongToken.headers.get('x-platform-error-code')).toBe('unauthorized');

    const again = await http(stack.baseUrl, 'POST', '/api/v2/setup', {
      token: null,
      headers: { host: DEFAULT_HOST },
      body: onboarding('again'),
    });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({
      code: 'conflict',
      message: expect.stringContaining('onboarding has already been completed'),
    });
  });

  it('onboards an instance created by _create without users, on its own domain', async () => {
    const { instanceId, host } = await instanceAwaitingSetup('Claim me');
    const setup = new SetupAPI(influxClient(stack, { host }));
    expect(await setup.getSetup()).toEqual({ allowed: true });
    const done = await setup.postSetup({ body: onboarding('claimed') });
    const [user] = await stack.db.query<{ instance_id: string; password_hash: string }>(
      'SELECT instance_id, password_hash FROM users WHERE id = $1',
      [done.user!.id],
    );
    expect(user.instance_id).toBe(instanceId);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await setup.getSetup()).toEqual({ allowed: false });

    // Its token is refused on another instance's domain.
    const other = await instanceAwaitingSetup('Someone else');
    const elsewhere = await http(stack.baseUrl, 'GET', '/api/v2/setup', {
      token: null,
      headers: { host: other.host, authorization: `Bearer ${done.auth!.token}` },
    });
    expect(elsewhere.status).toBe(401);
  });

  it('answers 404 naming the host when no instance serves it', async () => {
    const res = await http(stack.baseUrl, 'GET', '/api/v2/setup', {
      token: null,
      headers: { host: 'nobody.example.org' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'not found', message: expect.stringContaining('nobody.example.org') });
  });

  it.each([
    ['without username', { username: undefined }, 422, 'username'],
    ['without org', { org: '' }, 422, 'org'],
    ['without bucket and org', { bucket: undefined, org: undefined }, 422, 'org, bucket'],
    ['with a password under 8 bytes', { password: 'short' }, 400, 'password'],
    ['with a password over 72 bytes', { password: 'x'.repeat(73) }, 400, 'password'],
    ['with a retention under one hour', { retentionPeriodSeconds: 60 }, 400, 'retention'],
    [
      'with a retention of 0 hours but 59 minutes in seconds',
      { retentionPeriodSeconds: 3540, retentionPeriodHrs: 0 },
      400,
      'retention',
    ],
    ['with a negative retention', { retentionPeriodHrs: -1 }, 400, 'retention'],
    ['with a bucket name starting with _', { bucket: '_internal' }, 400, 'underscore'],
    ['with a retention that is not a number', { retentionPeriodSeconds: 'soon' }, 400, 'retentionPeriodSeconds'],
  ])('refuses an onboarding %s and leaves nothing behind', async (_, overrides, status, named) => {
    const { instanceId, host } = await instanceAwaitingSetup(`Refuse ${named}`);
    const res = await http(stack.baseUrl, 'POST', '/api/v2/setup', {
      token: null,
      headers: { host },
      body: onboarding('refused', overrides),
    });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(status === 422 ? 'unprocessable entity' : 'invalid');
    expect(res.body.message).toContain(named);
    expect(await tenantRows(instanceId)).toBe(0);
    const [{ count }] = await stack.db.query<{ count: string }>(
      'SELECT count(*) FROM operations WHERE instance_id = $1 AND kind <> $2',
      [instanceId, 'CREATE_INSTANCE'],
    );
    expect(count).toBe('0');
  });

  it('lets exactly one of several concurrent setups win', async () => {
    const { instanceId, host } = await instanceAwaitingSetup('Race');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        http(stack.baseUrl, 'POST', '/api/v2/setup', { token: null, headers: { host }, body: onboarding(`race-${i}`) }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const losers = answers.filter((a) => a.status !== 201);
    expect(
      losers.every(
        (a) =>
          a.status === 422 &&
          a.body.code === 'conflict' &&
          /onboarding has already been completed/.test(a.body.message),
      ),
    ).toBe(true);
    const [{ count }] = await stack.db.query<{ count: string }>('SELECT count(*) FROM users WHERE instance_id = $1', [
      instanceId,
    ]);
    expect(count).toBe('1');
  });

  it('answers 202 with the operation when asked, and hands the token only to the claim holder', async () => {
    const { host } = await instanceAwaitingSetup('Async setup');
    const res = await http(stack.baseUrl, 'POST', '/api/v2/setup', {
      token: null,
      headers: { host, Prefer: 'respond-async' },
      body: onboarding('async'),
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'SETUP_INSTANCE', state: expect.stringMatching(/PENDING|RUNNING/) });
    const location = res.headers.get('location')!;
    expect(location).toBe(`/api/v2/setup/operations/${res.body.id}`);
    const claim = res.headers.get('x-operation-claim')!;
    expect(claim).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const done = await until(
      'the setup to succeed',
      async () => {
        const answer = await http(stack.baseUrl, 'GET', location, {
          token: null,
          headers: { host, 'X-Operation-Claim': claim },
        });
        return answer.body.state === 'SUCCEEDED' && answer;
      },
      20000,
    );
    expect(done.body).toMatchObject({
      state: 'SUCCEEDED',
      result: { user: { name: 'admin-async' }, auth: { token: expect.any(String) } },
    });

    // Without the claim, the operation is not there at all (see setup-operation-access.e2e-spec.ts).
    const withoutClaim = await http(stack.baseUrl, 'GET', location, { token: null, headers: { host } });
    expect(withoutClaim.status).toBe(404);
    const otherInstance = await http(stack.baseUrl, 'GET', location, { token: null, headers: { host: DEFAULT_HOST } });
    expect(otherInstance.status).toBe(404);
  });

  it('onboards further users with /setup/user, for operator tokens only', async () => {
    const { host } = await instanceAwaitingSetup('More users');
    const first = await new SetupAPI(influxClient(stack, { host })).postSetup({ body: onboarding('first') });

    const anonymous = await http(stack.baseUrl, 'POST', '/api/v2/setup/user', {
      token: null,
      headers: { host },
      body: onboarding('second'),
    });
    expect(anonymous.status).toBe(401);

    // The OSS client has no call for this cloud endpoint: the client's own transport sends it.
    const operator = influxClient(stack, { token: first.auth!.token });
    const second = (await operator.transport.request('/api/v2/setup/user', onboarding('second'), {
      method: 'POST',
    })) as typeof first;
    expect(second.user!.name).toBe('admin-second');
    expect(second.org!.id).not.toBe(first.org!.id);
    expect(second.auth!.token).toEqual(expect.any(String));

    // The new user's token owns its org but is no operator: it cannot onboard others.
    const notOperator = await http(stack.baseUrl, 'POST', '/api/v2/setup/user', {
      token: null,
      headers: { authorization: `Token ${second.auth!.token}` },
      body: onboarding('third'),
    });
    expect(notOperator.status).toBe(401);
    const duplicate = await http(stack.baseUrl, 'POST', '/api/v2/setup/user', {
      token: null,
      headers: { authorization: `Token ${first.auth!.token}` },
      body: onboarding('second', { org: 'another-org' }),
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.code).toBe('conflict');
  });
  it('answered every request with a body that matches the InfluxDB contract', () => {
    expect(stack.contract.responses.length).toBeGreaterThan(0);
    expect(stack.contract.violations()).toEqual([]);
  });
});
