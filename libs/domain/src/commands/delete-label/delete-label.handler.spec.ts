import { ErrorCode } from '../../errors';
import { type Label } from '../../labels/label';
import { InMemoryLabelRepository } from '../../testing/in-memory-labels';
import { FixedClock } from '../../testing/in-memory-ports';
import { goneAfterReading, INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { DeleteLabelCommand } from './delete-label.command';
import { DeleteLabelHandler } from './delete-label.handler';

const caller = operatorToken;
const LABEL: Label = { id: '00000000000000c1', orgId: '00000000000000a2', name: 'prod', properties: {} };

describe(DeleteLabelHandler.name, () => {
  let labels: InMemoryLabelRepository;
  let handler: DeleteLabelHandler;

  beforeEach(() => {
    labels = new InMemoryLabelRepository();
    labels.put(INSTANCE, LABEL);
    handler = new DeleteLabelHandler(labels, new FixedClock());
  });

  it('plans label.removed, owned by the org', async () => {
    await handler.execute(new DeleteLabelCommand(caller, LABEL.id));
    expect(labels.rows).toEqual([]);
    expect(labels.events).toEqual([
      { aggregateType: 'label', aggregateId: LABEL.id, type: 'label.removed', payload: {}, resourceOwner: LABEL.orgId },
    ]);
  });

  it('answers 404 when the label went between reading and deleting', async () => {
    goneAfterReading(labels);
    await expect(handler.execute(new DeleteLabelCommand(caller, LABEL.id))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(labels.writes).toBe(0);
  });
});
