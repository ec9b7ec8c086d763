import { type PlannedBucket, type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type OrgRole } from './org';

/** Events of org changes; their resource owner is the org. Payloads never hold secrets. */
export const orgEvents = {
  added: (orgId: Id, name: string, description: string): PlannedEvent => ({
    aggregateType: 'org',
    aggregateId: orgId,
    type: 'org.added',
    payload: { name, description },
    resourceOwner: orgId,
  }),
  changed: (orgId: Id, changes: Record<string, unknown>): PlannedEvent => ({
    aggregateType: 'org',
    aggregateId: orgId,
    type: 'org.changed',
    payload: changes,
    resourceOwner: orgId,
  }),
  removed: (orgId: Id, name: string): PlannedEvent => ({
    aggregateType: 'org',
    aggregateId: orgId,
    type: 'org.removed',
    payload: { name },
    resourceOwner: orgId,
  }),
  bucketAdded: (bucket: PlannedBucket): PlannedEvent => ({
    aggregateType: 'bucket',
    aggregateId: bucket.id,
    type: 'bucket.added',
    payload: { name: bucket.name, type: bucket.type, retentionSeconds: bucket.retentionSeconds },
    resourceOwner: bucket.orgId,
  }),
  memberAdded: (orgId: Id, userId: Id, role: OrgRole): PlannedEvent => ({
    aggregateType: 'member',
    aggregateId: userId,
    type: `member.${role}.added`,
    payload: { orgId },
    resourceOwner: orgId,
  }),
  roleChanged: (orgId: Id, userId: Id, from: OrgRole, to: OrgRole): PlannedEvent => ({
    aggregateType: 'member',
    aggregateId: userId,
    type: 'member.role.changed',
    payload: { orgId, from, to },
    resourceOwner: orgId,
  }),
  memberRemoved: (orgId: Id, userId: Id, role: OrgRole): PlannedEvent => ({
    aggregateType: 'member',
    aggregateId: userId,
    type: `member.${role}.removed`,
    payload: { orgId },
    resourceOwner: orgId,
  }),
};
