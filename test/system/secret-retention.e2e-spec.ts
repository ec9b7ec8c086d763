import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

describe('secrets of finished operations', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { SECRET_RETENTION_SECONDS: '2', SECRET_SWEEP_INTERVAL_MS: '200' } });
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('are handed back until SECRET_RETENTION_SECONDS pass, then erased from the database', async () => {
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('retention'),
      headers: { Prefer: 'respond-async' },
    });
    const done = await waitForOperation(stack.baseUrl, res.body.id);
    expect(done.result?.pat).toEqual(expect.any(String));

    await until(
      'the sealed secrets to be erased',
      async () => {
        const [{ sealed_secrets: sealed }] = await stack.db.query<{ sealed_secrets: string | null }>(
          'SELECT sealed_secrets FROM operations WHERE id = $1',
          [res.body.id],
        );
        return sealed === null;
      },
      15000,
    );
    const later = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`);
    expect(later.body.state).toBe('SUCCEEDED');
    expect(later.body.result.instanceId).toBe(res.body.instanceId);
    expect(later.body.result.pat).toBeUndefined();
    expect(later.body.result.machineKey).toBeUndefined();
  });
});
