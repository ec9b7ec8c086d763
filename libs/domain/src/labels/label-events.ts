import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Label } from './label';

type LabelIdentity = Pick<Label, 'id' | 'orgId'>;

/** Events of labels; their resource owner is the label's org. Properties stay out of the payloads. */
export const labelEvents = {
  added: (label: LabelIdentity & Pick<Label, 'name'>): PlannedEvent => ({
    aggregateType: 'label',
    aggregateId: label.id,
    type: 'label.added',
    payload: { name: label.name },
    resourceOwner: label.orgId,
  }),
  /** Names the label as it is after the change, whether or not the name changed. */
  changed: (label: LabelIdentity, nameAfter: string): PlannedEvent => ({
    aggregateType: 'label',
    aggregateId: label.id,
    type: 'label.changed',
    payload: { name: nameAfter },
    resourceOwner: label.orgId,
  }),
  removed: (label: LabelIdentity): PlannedEvent => ({
    aggregateType: 'label',
    aggregateId: label.id,
    type: 'label.removed',
    payload: {},
    resourceOwner: label.orgId,
  }),
};
