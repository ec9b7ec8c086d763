import { ErrorCode } from '../../errors';
import { OperationKind, OperationState } from '../../operations/operation';
import {
  FixedClock,
  InMemoryOperationRepository,
  InMemoryProvisioningStore,
  operationRow,
} from '../../testing/in-memory-ports';
import { CancelOperationCommand } from './cancel-operation.command';
import { CancelOperationHandler } from './cancel-operation.handler';

const OP = '00000000000000a1';
const clock = new FixedClock();

describe(CancelOperationHandler.name, () => {
  let operations: InMemoryOperationRepository;
  let handler: CancelOperationHandler;
  const cancel = (id = OP) => handler.execute(new CancelOperationCommand(id));
  const start = (overrides: Parameters<typeof operationRow>[0]) =>
    operations.put(operationRow({ id: OP, finishedAt: null, sealedInput: 'sealed:input', ...overrides }));

  beforeEach(() => {
    operations = new InMemoryOperationRepository();
    handler = new CancelOperationHandler(operations, new InMemoryProvisioningStore(operations), clock);
  });

  it('cancels a pending operation at once: it ends CANCELLED without its sealed input', async () => {
    start({ state: OperationState.Pending });
    expect(await cancel()).toBe('cancelled');
    expect(operations.rows.get(OP)).toMatchObject({
      state: OperationState.Cancelled,
      sealedInput: null,
      finishedAt: clock.now(),
    });
  });

  it('asks a running operation to stop at its commit point', async () => {
    start({ state: OperationState.Running });
    expect(await cancel()).toBe('requested');
    expect(operations.rows.get(OP)).toMatchObject({ state: OperationState.Running, cancelRequestedAt: clock.now() });
  });

  it('leaves a finished operation as it is', async () => {
    start({ state: OperationState.Succeeded, finishedAt: new Date(0) });
    expect(await cancel()).toBe('finished');
    expect(operations.rows.get(OP)).toMatchObject({ state: OperationState.Succeeded, cancelRequestedAt: null });
  });

  it('refuses to cancel the removal of an instance with 400: the instance is already stopped', async () => {
    start({ state: OperationState.Pending, kind: OperationKind.RemoveInstance });
    await expect(cancel()).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      message: 'operationId: removing an instance cannot be cancelled',
    });
    expect(operations.rows.get(OP)?.state).toBe(OperationState.Pending);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    await expect(cancel('00000000000000ff')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(cancel("' OR 1=1")).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: "operation ' OR 1=1 not found",
    });
  });
});
