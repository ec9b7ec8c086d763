import { SetupAPI } from '@influxdata/influxdb-client-apis';

import { http } from '../support/system-api';
import { influxClient } from '../support/tenant';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

function onboarding(suffix: string) {
  return {
    username: `admin-${suffix}`,
    password: `pw-${suffix}-12345`,
    org: `org-${suffix}`,
    bucket: `bucket-${suffix}`,
  };
}

/** Issue 9, finding 12: a setup operation (names and ids) is for its creator only, never for whoever knows the host. */
describe('GET /api/v2/setup/operations/{id}: only its creator may read it', () => {
  let stack: TestStack;
  let host: string;
  let operatorToken: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Operation readers' },
    });
    const [domain] = await stack.db.query<{ domain: string }>(
      'SELECT domain FROM instance_domains WHERE instance_id = $1',
      [res.body.instanceId],
    );
    host = domain.domain;
    operatorToken = (await new SetupAPI(influxClient(stack, { host })).postSetup({ body: onboarding('first') })).auth!
      .token!;
  });

  afterAll(async () => {
    await stack.stop();
  });

  const read = (location: string, headers: Record<string, string>) =>
    http(stack.baseUrl, 'GET', location, { token: null, headers });

  async function startSetupUser(suffix: string) {
    const res = await http(stack.baseUrl, 'POST', '/api/v2/setup/user', {
      token: null,
      headers: { authorization: `Token ${operatorToken}`, Prefer: 'respond-async' },
      body: onboarding(suffix),
    });
    expect(res.status).toBe(202);
    return {
      location: res.headers.get('location')!,
      claim: res.headers.get('x-operation-claim')!,
      id: res.body.id as string,
    };
  }

  it('answers 404 to an anonymous caller with only the Host header, as for an unknown id', async () => {
    const { location, claim } = await startSetupUser('hidden');
    await until(
      'the setup to finish',
      async () => (await read(location, { host, 'X-Operation-Claim': claim })).body.state === 'SUCCEEDED',
    );
    const anonymous = await read(location, { host });
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).toEqual({ code: 'not found', message: expect.any(String) });
    expect(JSON.stringify(anonymous.body)).not.toContain('admin-hidden');
    const unknown = await read('/api/v2/setup/operations/0123456789abcdef', { host });
    expect(anonymous.body.message.replace(/[0-9a-f]{16}/, 'ID')).toBe(
      unknown.body.message.replace(/[0-9a-f]{16}/, 'ID'),
    );
    expect((await read(location, { host, 'X-Operation-Claim': 'not-the-claim' })).status).toBe(404);
  });

  it('answers 404 to another token of the same instance, even an operator', async () => {
    const { location, claim } = await startSetupUser('other-token');
    const done = await until('the setup to finish', async () => {
      const answer = await read(location, { host, 'X-Operation-Claim': claim });
      return answer.body.state === 'SUCCEEDED' && answer;
    });
    const newUserToken = done.body.result.auth.token as string;
    expect((await read(location, { authorization: `Token ${newUserToken}` })).status).toBe(404);
  });

  it('shows the operation to the token that started it, and the new token only with the claim', async () => {
    const { location, claim } = await startSetupUser('starter');
    const byStarter = await until('the setup to finish', async () => {
      const answer = await read(location, { authorization: `Token ${operatorToken}` });
      return answer.status === 200 && answer.body.state === 'SUCCEEDED' && answer;
    });
    expect(byStarter.body.result.user.name).toBe('admin-starter');
    expect(byStarter.body.result.auth.token).toBeUndefined();
    const byClaim = await read(location, { host, 'X-Operation-Claim': claim });
    expect(byClaim.status).toBe(200);
    expect(byClaim.body.result.auth.token).toEqual(expect.any(String));
  });
});
