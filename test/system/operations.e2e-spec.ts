import { readEvents } from '../support/server-sent-events';
import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { TestStack } from '../support/test-stack';

describe('System API operations: list, wait, cancel, events', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });

  afterAll(async () => {
    await stack.stop();
  });

  const createAsync = (suffix: string) =>
    http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest(suffix),
      headers: { Prefer: 'respond-async' },
    });

  it('answers an async create with the operation exactly as reading it back shows it, always 202', async () => {
    for (const path of ['/system/v1/instances/_create', '/system/v1/instances']) {
      const body = path.endsWith('_create')
        ? fullCreateRequest('echo')
        : {
            instanceName: 'Echo',
            ownerUserName: 'echo-owner',
            ownerEmail: { email: 'echo@example.com', isEmailVerified: true },
            ownerProfile: { firstName: 'E', lastName: 'Cho' },
            ownerPassword: { password: 'echo-pass-123' },
          };
      const res = await http(stack.baseUrl, 'POST', path, { body, headers: { Prefer: 'respond-async' } });
      expect(res.status).toBe(202);
      const read = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(res.body).toEqual(read.body);
      expect(res.body).toMatchObject({ state: 'PENDING', attempts: 0 });
      await http(stack.baseUrl, 'POST', `/system/v1/operations/${res.body.id}/_cancel`);
    }
  });

  it('cancels a create that has not started: it never runs, and its domain is free again', async () => {
    const res = await createAsync('cancelled');
    const cancelled = await http(stack.baseUrl, 'POST', `/system/v1/operations/${res.body.id}/_cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      state: 'CANCELLED',
      cancelRequested: true,
      error: { reason: 'CANCELLED', retryable: false },
    });
    const instance = await http(stack.baseUrl, 'GET', `/system/v1/instances/${res.body.instanceId}`);
    // ZITADEL's State has no failed value: a failed instance answers STATE_UNSPECIFIED (the operation says why).
    expect(instance.body.instance).toMatchObject({ state: 'STATE_UNSPECIFIED', domains: [] });

    await stack.startWorker();
    const again = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('cancelled'),
    });
    expect(again.status).toBe(200);
    const [{ count }] = await stack.db.query<{ count: string }>('SELECT count(*) FROM orgs WHERE instance_id = $1', [
      res.body.instanceId,
    ]);
    expect(count).toBe('0');
    expect((await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}`)).body.state).toBe('CANCELLED');
    const late = await http(stack.baseUrl, 'POST', `/system/v1/operations/${res.body.id}/_cancel`);
    expect(late.body).toMatchObject({ state: 'CANCELLED', cancelRequested: false });
    expect((await http(stack.baseUrl, 'POST', '/system/v1/operations/0000000000000000/_cancel')).status).toBe(404);
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
  });

  it('waits until an operation is done, or answers at the timeout', async () => {
    const res = await createAsync('wait');
    const started = Date.now();
    const early = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}/_wait?timeout=300ms`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(early.body.state).toBe('PENDING');
    expect((await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}/_wait?timeout=soon`)).status).toBe(
      400,
    );

    setTimeout(() => void stack.startWorker(), 300);
    const done = await http(stack.baseUrl, 'GET', `/system/v1/operations/${res.body.id}/_wait?timeout=30s`);
    expect(done.body).toMatchObject({
      state: 'SUCCEEDED',
      result: { instanceId: res.body.instanceId, pat: expect.any(String) },
    });
    // Closing a worker waits for its active job, so nothing is cut short here.
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
  });

  it('streams progress as Server-Sent Events until the operation is finished', async () => {
    const res = await createAsync('events');
    const events = await readEvents(stack.baseUrl, `/system/v1/operations/${res.body.id}/events`, () =>
      setTimeout(() => void stack.startWorker(), 300),
    );
    expect(events[0].state).toBe('PENDING');
    expect(events[events.length - 1]).toMatchObject({
      state: 'SUCCEEDED',
      progress: { completedSteps: 4, totalSteps: 4 },
    });
    expect(events.some((e) => e.state === 'RUNNING' || e.progress.completedSteps > 0)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('"pat"');
    await Promise.all(stack.workers.map((w) => w.close()));
    stack.workers = [];
  });

  it('lists operations newest first with filters and page tokens', async () => {
    const ids: string[] = [];
    for (const s of ['l1', 'l2', 'l3', 'l4', 'l5']) ids.push((await createAsync(s)).body.id);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page: { body: any } = await http(
        stack.baseUrl,
        'GET',
        `/system/v1/operations?kind=CREATE_INSTANCE&state=PENDING&pageSize=2${token ? `&pageToken=${token}` : ''}`,
      );
      seen.push(...page.body.operations.map((o: { id: string }) => o.id));
      token = page.body.nextPageToken;
      pages += 1;
    } while (token);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBe(3);
    const one = await http(
      stack.baseUrl,
      'GET',
      `/system/v1/operations?instanceId=${(await http(stack.baseUrl, 'GET', `/system/v1/operations/${ids[0]}`)).body.instanceId}`,
    );
    expect(one.body.operations.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
    expect((await http(stack.baseUrl, 'GET', '/system/v1/operations?state=BORED')).status).toBe(400);
    expect((await http(stack.baseUrl, 'GET', '/system/v1/operations?pageToken=garbage')).status).toBe(400);
    expect((await http(stack.baseUrl, 'GET', '/system/v1/operations', { token: null })).status).toBe(401);
  });

  it('lets the waiting operations finish', async () => {
    await stack.startWorker();
    const list = await http(stack.baseUrl, 'GET', '/system/v1/operations?state=PENDING');
    for (const operation of list.body.operations)
      expect((await waitForOperation(stack.baseUrl, operation.id)).state).toBe('SUCCEEDED');
  });
});
