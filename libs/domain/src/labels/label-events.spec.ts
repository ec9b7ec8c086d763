import { type Label } from './label';
import { labelEvents } from './label-events';

const LABEL = { id: '00000000000000l1', orgId: '00000000000000o1' };

describe('labelEvents', () => {
  it('names a created label, never its properties', () => {
    const label: Label = { ...LABEL, name: 'prod', properties: { color: 'red' } };
    expect(labelEvents.added(label)).toEqual({
      aggregateType: 'label',
      aggregateId: LABEL.id,
      type: 'label.added',
      payload: { name: 'prod' },
      resourceOwner: LABEL.orgId,
    });
  });

  it('names the label as it is after a change', () => {
    expect(labelEvents.changed(LABEL, 'production')).toEqual({
      aggregateType: 'label',
      aggregateId: LABEL.id,
      type: 'label.changed',
      payload: { name: 'production' },
      resourceOwner: LABEL.orgId,
    });
  });

  it('records a removal with an empty payload', () => {
    expect(labelEvents.removed(LABEL)).toEqual({
      aggregateType: 'label',
      aggregateId: LABEL.id,
      type: 'label.removed',
      payload: {},
      resourceOwner: LABEL.orgId,
    });
  });
});
