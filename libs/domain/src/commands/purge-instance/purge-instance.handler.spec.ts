import { OperationKind, OperationState } from '../../operations/operation';
import { type CommitOutcome, type InstanceRemovalStore } from '../../ports';
import { FixedClock, InMemoryOperationRepository, operationRow } from '../../testing/in-memory-ports';
import { PurgeInstanceCommand } from './purge-instance.command';
import { PurgeInstanceHandler } from './purge-instance.handler';

/** Records purges; the rest of the port is not used by the handler. */
class RecordingRemovalStore {
  readonly purged: string[] = [];
  async purge(operationId: string): Promise<CommitOutcome> {
    this.purged.push(operationId);
    return 'written';
  }
}

describe(PurgeInstanceHandler.name, () => {
  const ID = '00000000000000b1';
  let operations: InMemoryOperationRepository;
  let removal: RecordingRemovalStore;
  let handler: PurgeInstanceHandler;

  beforeEach(() => {
    operations = new InMemoryOperationRepository();
    removal = new RecordingRemovalStore();
    handler = new PurgeInstanceHandler(operations, removal as unknown as InstanceRemovalStore, new FixedClock());
    operations.put(operationRow({ id: ID, kind: OperationKind.RemoveInstance, state: OperationState.Pending }));
  });

  it('purges a pending removal and answers SUCCEEDED', async () => {
    await expect(handler.execute(new PurgeInstanceCommand(ID))).resolves.toBe(OperationState.Succeeded);
    expect(removal.purged).toEqual([ID]);
  });

  it('does nothing when the operation cannot be marked running (another delivery finished it meanwhile)', async () => {
    operations.markRunning = async () => {
      operations.update(ID, { state: OperationState.Succeeded });
      return null;
    };

    await expect(handler.execute(new PurgeInstanceCommand(ID))).resolves.toBe(OperationState.Succeeded);
    expect(removal.purged).toEqual([]);
    expect(operations.progress).toEqual([]);
  });
});
