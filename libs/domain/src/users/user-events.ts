import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

/** Events of user changes. Users belong to the instance, which is their resource owner. Payloads never hold secrets. */
export const userEvents = {
  added: (instanceId: Id, userId: Id, name: string, status: string): PlannedEvent => ({
    aggregateType: 'user',
    aggregateId: userId,
    type: 'user.human.added',
    payload: { userName: name, status },
    resourceOwner: instanceId,
  }),
  changed: (instanceId: Id, userId: Id, changes: Record<string, unknown>): PlannedEvent => ({
    aggregateType: 'user',
    aggregateId: userId,
    type: 'user.changed',
    payload: changes,
    resourceOwner: instanceId,
  }),
  removed: (instanceId: Id, userId: Id, name: string): PlannedEvent => ({
    aggregateType: 'user',
    aggregateId: userId,
    type: 'user.removed',
    payload: { userName: name },
    resourceOwner: instanceId,
  }),
  /** `by`: 'self' when the user changed it with its old password, else the id of the user who set it. */
  passwordChanged: (instanceId: Id, userId: Id, by: Id | 'self'): PlannedEvent => ({
    aggregateType: 'user',
    aggregateId: userId,
    type: 'user.password.changed',
    payload: { by },
    resourceOwner: instanceId,
  }),
};
