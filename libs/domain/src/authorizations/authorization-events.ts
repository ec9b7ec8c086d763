import { type Permission } from '../authorization/permission';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

/** Events of authorization changes (aggregate `token`, owned by the authorization's org); never the token itself. */
export const authorizationEvents = {
  added: (id: Id, orgId: Id, userId: Id, description: string, permissions: readonly Permission[]): PlannedEvent => ({
    aggregateType: 'token',
    aggregateId: id,
    type: 'authorization.added',
    payload: { userId, orgId, description, permissions },
    resourceOwner: orgId,
  }),
  changed: (id: Id, orgId: Id, changes: Record<string, unknown>): PlannedEvent => ({
    aggregateType: 'token',
    aggregateId: id,
    type: 'authorization.changed',
    payload: changes,
    resourceOwner: orgId,
  }),
  removed: (id: Id, orgId: Id): PlannedEvent => ({
    aggregateType: 'token',
    aggregateId: id,
    type: 'authorization.removed',
    payload: {},
    resourceOwner: orgId,
  }),
};
