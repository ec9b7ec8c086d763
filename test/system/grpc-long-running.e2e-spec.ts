import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { SystemService } from '@zitadel/proto/zitadel/system_pb';

import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';
import { until } from '../support/until';

describe('System API over gRPC: long-running calls and Idempotency-Key', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // No worker yet and no wait: the operation cannot finish within the call.
    stack = await TestStack.start({ grpc: true, worker: false, config: { SYNC_WAIT_SECONDS: '0' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const system = (idempotencyKey: string) =>
    createClient(
      SystemService,
      createGrpcTransport({
        baseUrl: stack.grpcUrl,
        interceptors: [
          (next) => (req) => {
            req.header.set('authorization', `Bearer ${SYSTEM_TOKEN}`);
            req.header.set('idempotency-key', idempotencyKey);
            return next(req);
          },
        ],
      }),
    );

  const pending = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (e: unknown) => ConnectError.from(e),
    );
    expect(error?.code).toBe(Code.DeadlineExceeded);
    const operationId = error!.metadata.get('x-operation-id');
    expect(error!.rawMessage).toContain(`operation ${operationId} is still running`);
    return operationId!;
  };

  it('answers DEADLINE_EXCEEDED with x-operation-id while the operation runs; the same key waits for the same operation', async () => {
    const request = {
      instanceName: 'slow',
      owner: { case: 'machine' as const, value: { userName: 'robot', personalAccessToken: {} } },
    };
    const before = (await stack.db.query('SELECT id FROM instances')).length;
    const first = await pending(system('key-1').createInstance(request));
    expect(await pending(system('key-1').createInstance(request))).toBe(first);
    expect(await stack.db.query('SELECT id FROM instances')).toHaveLength(before + 1);
    const other = await system('key-1')
      .createInstance({ ...request, instanceName: 'other' })
      .catch((e: unknown) => ConnectError.from(e));
    expect((other as ConnectError).code).toBe(Code.InvalidArgument);

    await stack.startWorker();
    const done = await until(
      'the operation to finish and the replay to answer it',
      async () => {
        return system('key-1')
          .createInstance(request)
          .catch(() => null);
      },
      60_000,
    );
    expect(done.instanceId).toMatch(/^[0-9a-f]{16}$/);
    expect(done.pat).not.toBe('');
  });
});
