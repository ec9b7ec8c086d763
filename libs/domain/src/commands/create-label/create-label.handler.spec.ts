import { ErrorCode } from '../../errors';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { InMemoryLabelRepository } from '../../testing/in-memory-labels';
import { FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import { INSTANCE, operatorToken } from '../../testing/tenant-fixtures';
import { CreateLabelCommand } from './create-label.command';
import { CreateLabelHandler } from './create-label.handler';

const ORG = '00000000000000a2';
const caller = operatorToken;

describe(CreateLabelHandler.name, () => {
  let labels: InMemoryLabelRepository;
  let handler: CreateLabelHandler;

  beforeEach(() => {
    labels = new InMemoryLabelRepository();
    const buckets = new InMemoryBucketRepository();
    buckets.orgs.put(INSTANCE, { id: ORG, name: 'acme' });
    handler = new CreateLabelHandler(labels, buckets, new SequentialIdGenerator(), new FixedClock());
  });

  it('plans label.added with the name only, owned by the org', async () => {
    const label = await handler.execute(
      new CreateLabelCommand(caller, { orgID: ORG, name: 'prod', properties: { color: 'red' } }),
    );
    expect(label).toEqual({ id: label.id, orgId: ORG, name: 'prod', properties: { color: 'red' } });
    expect(labels.events).toEqual([
      {
        aggregateType: 'label',
        aggregateId: label.id,
        type: 'label.added',
        payload: { name: 'prod' },
        resourceOwner: ORG,
      },
    ]);
  });

  it('writes nothing for an invalid name', async () => {
    await expect(handler.execute(new CreateLabelCommand(caller, { orgID: ORG, name: ' ' }))).rejects.toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
    expect(labels.writes).toBe(0);
  });
});
