import { DomainError } from '../errors';
import { FixedClock, InMemoryProvisioningStore, operationRow } from '../testing/in-memory-ports';
import { FailureReason, type Operation, OperationState } from './operation';
import { type OperationAttempt, runOperation } from './run-operation';

describe(runOperation.name, () => {
  const ID = '00000000000000c1';
  let clock: FixedClock;
  let store: InMemoryProvisioningStore;
  /** The operations the work was called with, so that a spec can tell whether it ran. */
  let ran: Operation[];

  beforeEach(() => {
    clock = new FixedClock();
    store = new InMemoryProvisioningStore();
    ran = [];
    store.operations.put(
      operationRow({ id: ID, state: OperationState.Pending, attempts: 0, startedAt: null, finishedAt: null }),
    );
  });

  function attempt(overrides: Partial<OperationAttempt> = {}): OperationAttempt {
    return {
      operations: store.operations,
      clock,
      operationId: ID,
      finalAttempt: false,
      failures: store,
      ...overrides,
    };
  }

  const succeeding = async (operation: Operation): Promise<OperationState> => {
    ran.push(operation);
    return OperationState.Succeeded;
  };

  function throwing(error: Error) {
    return async (operation: Operation): Promise<OperationState> => {
      ran.push(operation);
      throw error;
    };
  }

  const row = (): Operation => store.operations.rows.get(ID)!;

  it('counts the attempt, marks the operation RUNNING, runs the work and answers the state it ended in', async () => {
    const states: OperationState[] = [];
    const answer = await runOperation(attempt(), async (operation) => {
      states.push(row().state);
      return succeeding(operation);
    });

    expect(answer).toBe(OperationState.Succeeded);
    expect(states).toEqual([OperationState.Running]);
    expect(ran.map((o) => o.id)).toEqual([ID]);
    expect(row()).toMatchObject({ attempts: 1, startedAt: clock.now() });
  });

  it('leaves a finished operation as it is and answers its state (a redelivered job)', async () => {
    store.operations.update(ID, { state: OperationState.Cancelled, attempts: 1 });

    await expect(runOperation(attempt(), succeeding)).resolves.toBe(OperationState.Cancelled);
    expect(ran).toEqual([]);
    expect(row().attempts).toBe(1);
  });

  it('answers FAILED without running anything for an operation that does not exist', async () => {
    await expect(runOperation(attempt({ operationId: '00000000000000ff' }), succeeding)).resolves.toBe(
      OperationState.Failed,
    );
    expect(ran).toEqual([]);
  });

  it('does not run the work when another delivery finished the operation after it was read', async () => {
    store.operations.markRunning = async () => {
      store.operations.update(ID, { state: OperationState.Succeeded });
      return null;
    };

    await expect(runOperation(attempt(), succeeding)).resolves.toBe(OperationState.Succeeded);
    expect(ran).toEqual([]);
  });

  it('throws a retryable error back for another attempt and leaves the operation RUNNING', async () => {
    await expect(runOperation(attempt(), throwing(new Error('connection reset')))).rejects.toThrow('connection reset');

    expect(store.failures).toEqual([]);
    expect(row().state).toBe(OperationState.Running);
  });

  it('fails the operation on the final attempt, without the internal message', async () => {
    clock.advanceSeconds(5);
    const answer = await runOperation(attempt({ finalAttempt: true }), throwing(new Error('connection reset')));

    expect(answer).toBe(OperationState.Failed);
    expect(store.failures).toEqual([
      {
        operationId: ID,
        failure: { reason: FailureReason.Internal, message: expect.not.stringContaining('reset'), retryable: true },
        at: clock.now(),
      },
    ]);
    expect(row().state).toBe(OperationState.Failed);
  });

  it('fails the operation at once for an error no attempt can fix, with its typed reason', async () => {
    const answer = await runOperation(attempt(), throwing(DomainError.alreadyExists('domain a.example is taken')));

    expect(answer).toBe(OperationState.Failed);
    expect(store.failures.map((f) => f.failure)).toEqual([
      { reason: FailureReason.DomainTaken, message: 'domain a.example is taken', retryable: false },
    ]);
  });

  it('without a way to fail, throws every error back, even a permanent one on the final attempt', async () => {
    const error = DomainError.alreadyExists('domain a.example is taken');
    await expect(runOperation(attempt({ finalAttempt: true, failures: undefined }), throwing(error))).rejects.toBe(
      error,
    );

    expect(store.failures).toEqual([]);
    expect(row().state).toBe(OperationState.Running);
  });
});
