import { InfluxDB } from '@influxdata/influxdb-client';

import { fullCreateRequest, http } from './system-api';
import { type TestStack } from './test-stack';

/** An instance made through the System API, with what a tenant test needs to act in it. */
export interface TestTenant {
  instanceId: string;
  /** The generated domain: send it as Host to reach the instance without a token. */
  domain: string;
  /** PAT of the admin machine user: operator permissions in this instance only. */
  operatorToken: string;
  admin: { id: string; name: string; password: string };
  machineUserId: string;
  org: { id: string; name: string };
}

/** Creates an instance with a human admin (password) and a machine admin (PAT) and reads back their ids. */
export async function createTenant(
  stack: TestStack,
  suffix: string,
  overrides: Record<string, unknown> = {},
): Promise<TestTenant> {
  const { customDomain: _unused, ...base } = fullCreateRequest(suffix);
  const request = { ...base, ...overrides } as Omit<ReturnType<typeof fullCreateRequest>, 'customDomain'>;
  const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: request });
  if (res.status !== 200) throw new Error(`_create answered ${res.status}: ${JSON.stringify(res.body)}`);
  const instanceId: string = res.body.instanceId;
  const [domain] = await stack.db.query<{ domain: string }>(
    'SELECT domain FROM instance_domains WHERE instance_id = $1 AND is_generated',
    [instanceId],
  );
  const users = await stack.db.query<{ id: string; kind: string; name: string }>(
    'SELECT id, kind, name FROM users WHERE instance_id = $1',
    [instanceId],
  );
  const [org] = await stack.db.query<{ id: string; name: string }>('SELECT id, name FROM orgs WHERE instance_id = $1', [
    instanceId,
  ]);
  const human = users.find((u) => u.kind === 'human')!;
  return {
    instanceId,
    domain: domain.domain,
    operatorToken: res.body.pat,
    admin: { id: human.id, name: human.name, password: request.human.password.password },
    machineUserId: users.find((u) => u.kind === 'machine')!.id,
    org,
  };
}

/** The official InfluxDB client pointed at the test API, optionally with a token and a Host header. */
export function influxClient(stack: TestStack, options: { token?: string; host?: string } = {}): InfluxDB {
  return new InfluxDB({
    url: stack.baseUrl,
    token: options.token,
    headers: options.host ? { Host: options.host } : undefined,
  });
}
