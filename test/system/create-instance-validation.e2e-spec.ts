import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';

const ALL_TABLES = [
  'instances',
  'instance_domains',
  'operations',
  'events',
  'orgs',
  'users',
  'org_members',
  'instance_members',
  'tokens',
  'machine_keys',
  'buckets',
];

describe('POST /system/v1/instances/_create refuses bad requests', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of ALL_TABLES) {
      const [{ count }] = await stack.db.query<{ count: string }>(`SELECT count(*) FROM ${table}`);
      counts[table] = Number(count);
    }
    return counts;
  }

  async function expectRefused(body: unknown, status: number, code: number, field?: string, rawBody?: string) {
    const before = await rowCounts();
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body, rawBody });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ code, message: expect.any(String), details: expect.any(Array) });
    if (field) {
      expect(res.body.message).toContain(field);
      expect(res.body.details[0]).toMatchObject({
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
    expect(await rowCounts()).toEqual(before);
    return res;
  }

  const valid = () => fullCreateRequest('valid');
  const inFuture = '2519-04-01T08:45:00Z';

  it.each([
    ['missing instanceName', { ...valid(), instanceName: undefined }, 'instanceName'],
    ['empty instanceName', { ...valid(), instanceName: '' }, 'instanceName'],
    ['instanceName over 200 characters', { ...valid(), instanceName: 'x'.repeat(201) }, 'instanceName'],
    [
      'an invalid email',
      { ...valid(), human: { ...valid().human, email: { email: 'not-an-email' } } },
      'human.email.email',
    ],
    [
      'a password under 8 bytes',
      { ...valid(), human: { ...valid().human, password: { password: 'short' } } },
      'human.password.password',
    ],
    [
      'a password over 72 bytes',
      { ...valid(), human: { ...valid().human, password: { password: '🔑'.repeat(19) } } },
      'human.password.password',
    ],
    [
      'a PAT expiring in the past',
      { ...valid(), machine: { ...valid().machine, personalAccessToken: { expirationDate: '2001-01-01T00:00:00Z' } } },
      'machine.personalAccessToken.expirationDate',
    ],
    [
      'a machine key expiring in the past',
      {
        ...valid(),
        machine: { ...valid().machine, machineKey: { type: 'KEY_TYPE_JSON', expirationDate: '2001-01-01T00:00:00Z' } },
      },
      'machine.machineKey.expirationDate',
    ],
    [
      'an unknown machine key type',
      { ...valid(), machine: { ...valid().machine, machineKey: { type: 'KEY_TYPE_X509', expirationDate: inFuture } } },
      'machine.machineKey.type',
    ],
    ['a malformed customDomain', { ...valid(), customDomain: 'not a domain!' }, 'customDomain'],
    ['a customDomain with an empty label', { ...valid(), customDomain: 'a..example.com' }, 'customDomain'],
    ['a human without userName', { ...valid(), human: { ...valid().human, userName: undefined } }, 'human.userName'],
    ['a machine without userName', { ...valid(), machine: { ...valid().machine, userName: '' } }, 'machine.userName'],
  ])('answers 400 naming the field for %s and stores nothing', async (_, body, field) => {
    await expectRefused(body, 400, 3, field);
  });

  it('answers 400 for malformed JSON and stores nothing', async () => {
    const res = await expectRefused(undefined, 400, 3, undefined, '{"instanceName": "x",');
    expect(res.body.message).toMatch(/JSON/);
  });

  it('answers 401 without credentials or with a wrong token, and stores nothing', async () => {
    const before = await rowCounts();
    for (const token of [null, 'wrong-token']) {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: valid(), token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 16, message: expect.any(String), details: [] });
    }
    const basic = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: valid(),
      token: null,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.status).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 409 when the customDomain is taken, and stores nothing more', async () => {
    const first = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('taken'),
    });
    expect(first.status).toBe(200);
    const again = {
      ...fullCreateRequest('taken-2'),
      customDomain: fullCreateRequest('taken').customDomain.toUpperCase(),
    };
    const res = await expectRefused(again, 409, 6);
    expect(res.body.message).toContain(fullCreateRequest('taken').customDomain);
  });

  it('ignores unknown fields, as protojson does', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Unknown fields', somethingNew: { nested: true } },
    });
    expect(res.status).toBe(200);
  });
});
