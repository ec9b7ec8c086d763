import { operatorPermissions } from '../authorization/permission';
import { defaultBucket, systemBucketsForOrg } from '../buckets/default-buckets';
import { type Id } from '../shared/id';
import { type InstanceSpec } from './instance-spec';
import {
  type PlannedBucket,
  type PlannedEvent,
  type PlannedMachineKey,
  type PlannedToken,
  type PlannedUser,
  type ProvisioningPlan,
} from './provisioning-plan';

export interface GeneratedCredentials {
  readonly passwordHash: string | null;
  readonly patDigest: string | null;
  readonly machinePublicKeyPem: string | null;
  /** The pool entry the key pair came from, which the commit consumes; null when it was made for this create. */
  readonly pooledKeyId: Id | null;
}

export interface PlanIds {
  readonly orgId: Id;
  readonly humanId: Id;
  readonly machineId: Id;
  readonly patId: Id;
  readonly machineKeyId: Id;
  readonly bucketIds: Id[];
}

export interface PlanInstanceArgs {
  readonly operationId: Id;
  readonly instanceId: Id;
  readonly spec: InstanceSpec;
  readonly ids: PlanIds;
  readonly credentials: GeneratedCredentials;
  readonly defaultBucketName: string;
  readonly sealedSecrets: string | null;
  readonly secretsExpireAt: Date | null;
}

function plannedUsers({ spec, ids, credentials }: PlanInstanceArgs): PlannedUser[] {
  const users: PlannedUser[] = [];
  if (spec.human) {
    const h = spec.human;
    users.push({
      id: ids.humanId,
      kind: 'human',
      userName: h.userName,
      displayName: `${h.firstName} ${h.lastName}`.trim() || h.userName,
      email: h.email,
      emailVerified: h.isEmailVerified,
      firstName: h.firstName,
      lastName: h.lastName,
      preferredLanguage: h.preferredLanguage,
      passwordHash: credentials.passwordHash,
      passwordChangeRequired: h.passwordChangeRequired,
    });
  }
  if (spec.machine) {
    users.push({
      id: ids.machineId,
      kind: 'machine',
      userName: spec.machine.userName,
      displayName: spec.machine.name,
      email: null,
      emailVerified: false,
      firstName: '',
      lastName: '',
      preferredLanguage: spec.defaultLanguage,
      passwordHash: null,
      passwordChangeRequired: false,
    });
  }
  return users;
}

function plannedEvents(plan: Omit<ProvisioningPlan, 'events'>, spec: InstanceSpec): PlannedEvent[] {
  const { instanceId, org } = plan;
  const added: PlannedEvent = {
    aggregateType: 'instance',
    aggregateId: instanceId,
    type: 'instance.added',
    payload: { name: spec.instanceName, defaultLanguage: spec.defaultLanguage },
    resourceOwner: instanceId,
  };
  const running: PlannedEvent = {
    aggregateType: 'instance',
    aggregateId: instanceId,
    type: 'instance.running',
    payload: {},
    resourceOwner: instanceId,
  };
  if (!org) return [added, running];
  return [
    added,
    {
      aggregateType: 'org',
      aggregateId: org.id,
      type: 'org.added',
      payload: { name: org.name },
      resourceOwner: org.id,
    },
    ...plan.users.map((u): PlannedEvent => ({
      aggregateType: 'user',
      aggregateId: u.id,
      type: `user.${u.kind}.added`,
      payload: { userName: u.userName },
      resourceOwner: org.id,
    })),
    ...plan.ownerIds.map((userId): PlannedEvent => ({
      aggregateType: 'member',
      aggregateId: userId,
      type: 'member.owner.added',
      payload: { orgId: org.id, instance: true },
      resourceOwner: org.id,
    })),
    ...plan.tokens.map((t): PlannedEvent => ({
      aggregateType: 'token',
      aggregateId: t.id,
      type: 'personal_access_token.added',
      payload: { userId: t.userId, expiresAt: t.expiresAt?.toISOString() ?? null },
      resourceOwner: org.id,
    })),
    ...plan.machineKeys.map((k): PlannedEvent => ({
      aggregateType: 'machine_key',
      aggregateId: k.id,
      type: 'machine_key.added',
      payload: { userId: k.userId, type: k.type, expiresAt: k.expiresAt?.toISOString() ?? null },
      resourceOwner: org.id,
    })),
    ...plan.buckets.map((b): PlannedEvent => ({
      aggregateType: 'bucket',
      aggregateId: b.id,
      type: 'bucket.added',
      payload: { name: b.name, retentionSeconds: b.retentionSeconds },
      resourceOwner: org.id,
    })),
    running,
  ];
}

/** Lays out every row of a new instance from its checked request and the credentials the worker generated. */
export function planInstance(args: PlanInstanceArgs): ProvisioningPlan {
  const { spec, ids, credentials } = args;
  const users = plannedUsers(args);
  // An instance awaiting setup has neither org nor users: its tenant claims it through /api/v2/setup.
  const org = users.length > 0 ? { id: ids.orgId, name: spec.firstOrgName } : null;
  const tokens: PlannedToken[] =
    spec.machine?.personalAccessToken && credentials.patDigest
      ? [
          {
            id: ids.patId,
            userId: ids.machineId,
            orgId: ids.orgId,
            kind: 'pat',
            digest: credentials.patDigest,
            description: `personal access token of ${spec.machine.userName}`,
            permissions: operatorPermissions(),
            expiresAt: spec.machine.personalAccessToken.expirationDate
              ? new Date(spec.machine.personalAccessToken.expirationDate)
              : null,
          },
        ]
      : [];
  const machineKeys: PlannedMachineKey[] =
    spec.machine?.machineKey && credentials.machinePublicKeyPem
      ? [
          {
            id: ids.machineKeyId,
            userId: ids.machineId,
            type: spec.machine.machineKey.type,
            publicKeyPem: credentials.machinePublicKeyPem,
            expiresAt: spec.machine.machineKey.expirationDate ? new Date(spec.machine.machineKey.expirationDate) : null,
          },
        ]
      : [];
  const templates = org ? [...systemBucketsForOrg(), defaultBucket(args.defaultBucketName)] : [];
  const buckets: PlannedBucket[] = org ? templates.map((t, i) => ({ id: ids.bucketIds[i], orgId: org.id, ...t })) : [];
  const base = {
    operationId: args.operationId,
    instanceId: args.instanceId,
    org,
    users,
    ownerIds: users.map((u) => u.id),
    tokens,
    machineKeys,
    buckets,
    sealedSecrets: args.sealedSecrets,
    secretsExpireAt: args.secretsExpireAt,
    pooledKeyId: machineKeys.length > 0 ? credentials.pooledKeyId : null,
  };
  return { ...base, events: plannedEvents(base, spec) };
}
