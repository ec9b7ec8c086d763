import { type InstanceLimits } from '../../ports/instance-admin-repository.port';
import { type PlannedEvent } from '../../provisioning/provisioning-plan';
import { type Id } from '../../shared/id';

const instanceEvent = (instanceId: Id, type: string, payload: Record<string, unknown>): PlannedEvent => ({
  aggregateType: 'instance',
  aggregateId: instanceId,
  type,
  payload,
  resourceOwner: instanceId,
});

/**
 * Events of what the System API changes on an instance (aggregate `instance`, owned by the instance itself). The
 * names and payloads are those the event log has always held, so that `details` and readers of old events agree.
 */
export const instanceEvents = {
  renamed: (instanceId: Id, name: string): PlannedEvent => instanceEvent(instanceId, 'instance.changed', { name }),
  domainAdded: (instanceId: Id, domain: string): PlannedEvent =>
    instanceEvent(instanceId, 'instance.domain.added', { domain }),
  domainRemoved: (instanceId: Id, domain: string): PlannedEvent =>
    instanceEvent(instanceId, 'instance.domain.removed', { domain }),
  primaryDomainSet: (instanceId: Id, domain: string): PlannedEvent =>
    instanceEvent(instanceId, 'instance.domain.primary.set', { domain }),
  limitsSet: (instanceId: Id, limits: InstanceLimits): PlannedEvent =>
    instanceEvent(instanceId, 'instance.limits.set', {
      block: limits.block,
      maxUsers: limits.maxUsers,
      maxOrgs: limits.maxOrgs,
      maxBuckets: limits.maxBuckets,
    }),
};
