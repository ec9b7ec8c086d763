import { ErrorCode } from '../../errors';
import { type Label } from '../../labels/label';
import { InMemoryLabelRepository } from '../../testing/in-memory-labels';
import { FixedClock } from '../../testing/in-memory-ports';
import { goneAfterReading, INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { UpdateLabelCommand } from './update-label.command';
import { UpdateLabelHandler } from './update-label.handler';

const caller = operatorToken;
const LABEL: Label = { id: '00000000000000c1', orgId: '00000000000000a2', name: 'prod', properties: { color: 'red' } };

describe(UpdateLabelHandler.name, () => {
  let labels: InMemoryLabelRepository;
  let handler: UpdateLabelHandler;

  beforeEach(() => {
    labels = new InMemoryLabelRepository();
    labels.put(INSTANCE, LABEL);
    handler = new UpdateLabelHandler(labels, new FixedClock());
  });

  it('plans label.changed naming the new name', async () => {
    await handler.execute(new UpdateLabelCommand(caller, LABEL.id, { name: 'production' }));
    expect(labels.events).toEqual([
      {
        aggregateType: 'label',
        aggregateId: LABEL.id,
        type: 'label.changed',
        payload: { name: 'production' },
        resourceOwner: LABEL.orgId,
      },
    ]);
  });

  it('names the unchanged name when only properties change, and merges them', async () => {
    const updated = await handler.execute(
      new UpdateLabelCommand(caller, LABEL.id, { properties: { color: '', size: 'xl' } }),
    );
    expect(updated.properties).toEqual({ size: 'xl' });
    expect(labels.events.map((e) => e.payload)).toEqual([{ name: 'prod' }]);
  });

  it('answers 404 when the label went between reading and writing', async () => {
    goneAfterReading(labels);
    await expect(handler.execute(new UpdateLabelCommand(caller, LABEL.id, { name: 'x' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(labels.writes).toBe(0);
  });
});
