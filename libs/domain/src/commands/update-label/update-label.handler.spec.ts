import { operatorPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryLabelRepository } from '../../testing/in-memory-content';
import { FixedClock } from '../../testing/in-memory-ports';
import { UpdateLabelCommand } from './update-label.command';
import { UpdateLabelHandler } from './update-label.handler';

const INSTANCE = '00000000000000aa';
const caller: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'token',
  user: null,
  tokenId: '00000000000000f1',
  sessionId: null,
  permissions: operatorPermissions(),
};
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
    const find = labels.find.bind(labels);
    labels.find = async (instanceId, labelId) => {
      const found = await find(instanceId, labelId);
      labels.rows.splice(0);
      return found;
    };
    await expect(handler.execute(new UpdateLabelCommand(caller, LABEL.id, { name: 'x' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(labels.writes).toBe(0);
  });
});
