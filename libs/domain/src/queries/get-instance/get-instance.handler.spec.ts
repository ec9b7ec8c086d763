import { ErrorCode } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { type InstanceView } from '../../ports';
import { InMemoryInstanceRepository } from '../../testing/in-memory-instances';
import { GetInstanceHandler } from './get-instance.handler';
import { GetInstanceQuery } from './get-instance.query';

const VIEW: InstanceView = {
  id: '00000000000000aa',
  name: 'Acme',
  state: InstanceState.Running,
  defaultLanguage: 'en',
  domains: [],
  details: { sequence: '3', creationDate: new Date(0), changeDate: new Date(0), resourceOwner: '00000000000000aa' },
};

describe(GetInstanceHandler.name, () => {
  const instances = new InMemoryInstanceRepository();
  instances.put(VIEW);
  const handler = new GetInstanceHandler(instances);

  it('answers the instance', async () => {
    expect(await handler.execute(new GetInstanceQuery(VIEW.id))).toEqual(VIEW);
  });

  it('answers 404 for unknown and malformed ids, repeating at most a preview of the id', async () => {
    await expect(handler.execute(new GetInstanceQuery('00000000000000ff'))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'instance 00000000000000ff not found',
    });
    await expect(handler.execute(new GetInstanceQuery('x'.repeat(500)))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: `instance ${'x'.repeat(64)}... not found`,
    });
  });
});
