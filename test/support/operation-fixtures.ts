import {
  type InstanceReservation,
  type InstanceSpec,
  OperationKind,
  type PlannedEvent,
  type ProvisioningPlan,
} from '@app/domain';

import { newId } from './repository-harness';

/** A request as a CreateInstance operation stores it (no secrets). */
export function instanceSpec(instanceName: string): InstanceSpec {
  return {
    instanceName,
    firstOrgName: 'first org',
    customDomain: null,
    defaultLanguage: 'en',
    human: null,
    machine: null,
  };
}

/** What the System API reserves for one new instance: the instance, one generated domain, a PENDING operation. */
export function instanceReservation(createdBy = 'caller-digest', at = new Date()): InstanceReservation {
  const instanceId = newId();
  return {
    instanceId,
    name: `instance ${instanceId}`,
    defaultLanguage: 'en',
    domains: [{ domain: `${instanceId}.provisioning.localhost`, generated: true, primary: true }],
    operation: {
      id: newId(),
      kind: OperationKind.CreateInstance,
      createdBy,
      request: instanceSpec(`instance ${instanceId}`),
      sealedInput: 'sealed-input',
      totalSteps: 4,
    },
    at,
  };
}

/** A full plan for a reserved instance: an org with one machine user who owns it, a PAT, a key and a bucket. */
export function provisioningPlan(r: InstanceReservation): ProvisioningPlan {
  const { instanceId } = r;
  const orgId = newId();
  const userId = newId();
  const event = (aggregateType: PlannedEvent['aggregateType'], aggregateId: string, type: string): PlannedEvent => ({
    aggregateType,
    aggregateId,
    type,
    payload: { planned: type },
    resourceOwner: aggregateType === 'instance' ? instanceId : orgId,
  });
  const bucketId = newId();
  return {
    operationId: r.operation.id,
    instanceId,
    org: { id: orgId, name: 'first org' },
    users: [
      {
        id: userId,
        kind: 'machine',
        userName: 'robot',
        displayName: 'Robot',
        email: null,
        emailVerified: false,
        firstName: '',
        lastName: '',
        preferredLanguage: 'en',
        passwordHash: null,
        passwordChangeRequired: false,
      },
    ],
    ownerIds: [userId],
    tokens: [
      {
        id: newId(),
        userId,
        orgId,
        kind: 'pat',
        digest: `pat-digest-${instanceId}`,
        description: 'PAT',
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID: orgId } }],
        expiresAt: null,
      },
    ],
    machineKeys: [
      { id: newId(), userId, type: 'KEY_TYPE_JSON', publicKeyPem: 'PEM', expiresAt: new Date('2030-01-01T00:00:00Z') },
    ],
    buckets: [{ id: bucketId, orgId, name: '_monitoring', type: 'system', retentionSeconds: 604800 }],
    events: [
      event('instance', instanceId, 'instance.added'),
      event('org', orgId, 'org.added'),
      event('user', userId, 'user.machine.added'),
      event('bucket', bucketId, 'bucket.added'),
      event('instance', instanceId, 'instance.running'),
    ],
    sealedSecrets: 'sealed-secrets',
    secretsExpireAt: new Date('2030-01-01T00:00:00Z'),
    pooledKeyId: null,
  };
}
