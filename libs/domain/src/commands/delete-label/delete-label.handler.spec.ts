import { operatorPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';
import { InMemoryLabelRepository } from '../../testing/in-memory-content';
import { FixedClock } from '../../testing/in-memory-ports';
import { DeleteLabelCommand } from './delete-label.command';
import { DeleteLabelHandler } from './delete-label.handler';

const INSTANCE = '00000000000000aa';
const caller: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'token',
  user: null,
  tokenId: '00000000000000f1',
  sessionId: null,
  permissions: operatorPermissions(),
};
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
    const find = labels.find.bind(labels);
    labels.find = async (instanceId, labelId) => {
      const found = await find(instanceId, labelId);
      labels.rows.splice(0);
      return found;
    };
    await expect(handler.execute(new DeleteLabelCommand(caller, LABEL.id))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.NotFound }),
    );
    expect(labels.writes).toBe(0);
  });
});
