import { OperationState } from '../../operations/operation';
import { InMemoryIdempotencyStore } from '../../testing/in-memory-idempotency';
import { FixedClock, InMemoryOperationRepository, operationRow, TEST_SETTINGS } from '../../testing/in-memory-ports';
import { EraseExpiredSecretsHandler, OPERATION_RETENTION_MS } from './erase-expired-secrets.handler';

const DAY_MS = 24 * 3600 * 1000;

describe(EraseExpiredSecretsHandler.name, () => {
  const clock = new FixedClock(new Date('2025-03-01T12:00:00.000Z'));
  const now = clock.now().getTime();
  const ago = (ms: number) => new Date(now - ms);
  let operations: InMemoryOperationRepository;
  let idempotency: InMemoryIdempotencyStore;
  let handler: EraseExpiredSecretsHandler;

  beforeEach(() => {
    operations = new InMemoryOperationRepository();
    idempotency = new InMemoryIdempotencyStore();
    handler = new EraseExpiredSecretsHandler(
      operations,
      idempotency,
      { ...TEST_SETTINGS, secretRetentionSeconds: 3600 },
      clock,
    );
  });

  it("erases the operations' secrets that expired, and only those, and says how many", async () => {
    const secrets = { sealedSecrets: 'sealed:secrets', finishedAt: ago(1000) };
    operations.put(operationRow({ id: '00000000000000e1', ...secrets, secretsExpireAt: ago(1) }));
    operations.put(operationRow({ id: '00000000000000e2', ...secrets, secretsExpireAt: clock.now() }));
    operations.put(operationRow({ id: '00000000000000e3', ...secrets, secretsExpireAt: ago(-1) }));
    expect(await handler.execute()).toBe(2);
    expect([...operations.rows.values()].map((o) => o.sealedSecrets)).toEqual([null, null, 'sealed:secrets']);
  });

  it('forgets operations finished more than 30 days ago, never unfinished ones', async () => {
    operations.put(operationRow({ id: '00000000000000e1', finishedAt: ago(OPERATION_RETENTION_MS + 1) }));
    operations.put(operationRow({ id: '00000000000000e2', finishedAt: ago(OPERATION_RETENTION_MS - 1) }));
    operations.put(
      operationRow({
        id: '00000000000000e3',
        state: OperationState.Running,
        finishedAt: null,
        createdAt: ago(90 * DAY_MS),
      }),
    );
    await handler.execute();
    expect([...operations.rows.keys()]).toEqual(['00000000000000e2', '00000000000000e3']);
  });

  it('drops idempotency keys after a day and the answers they keep after the secret retention', async () => {
    const answer = { status: 200, headers: {}, body: { pat: 'secret' }, redactedBody: { pat: null } };
    await idempotency.claim('caller', 'old', 'hash', ago(DAY_MS + 1));
    await idempotency.claim('caller', 'recent', 'hash', ago(2 * 3600 * 1000));
    await idempotency.complete('caller', 'recent', answer, ago(2 * 3600 * 1000));
    await idempotency.claim('caller', 'fresh', 'hash', ago(60_000));
    await idempotency.complete('caller', 'fresh', answer, ago(60_000));
    await handler.execute();
    expect([...idempotency.keys.keys()]).toEqual(['caller recent', 'caller fresh']);
    expect(await idempotency.claim('caller', 'recent', 'hash', clock.now())).toEqual({
      kind: 'replay',
      answer: { ...answer, body: null },
    });
    expect(await idempotency.claim('caller', 'fresh', 'hash', clock.now())).toEqual({ kind: 'replay', answer });
  });
});
