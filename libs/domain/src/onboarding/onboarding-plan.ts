import {
  operatorPermissions,
  orgOwnerPermissions,
  type Permission,
  selfPermissions,
} from '../authorization/permission';
import { defaultShardGroupDurationSeconds, systemBucketsForOrg } from '../buckets/default-buckets';
import { type PlannedBucket, type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type OnboardingOutcome } from './onboarding-outcome';
import { type OnboardingSpec } from './onboarding-spec';

export type OnboardingMode = 'initial' | 'additional';

/** Every row one onboarding writes, in one transaction. */
export interface OnboardingPlan {
  readonly operationId: Id;
  readonly instanceId: Id;
  readonly mode: OnboardingMode;
  /** The instance's bucket quota set by the first onboarding's `limit`; null leaves it as it is. */
  readonly maxBuckets: number | null;
  readonly user: { readonly id: Id; readonly name: string; readonly passwordHash: string | null };
  readonly org: { readonly id: Id; readonly name: string };
  readonly buckets: PlannedBucket[];
  readonly token: {
    readonly id: Id;
    readonly digest: string;
    readonly description: string;
    readonly permissions: Permission[];
  };
  readonly events: PlannedEvent[];
  readonly outcome: OnboardingOutcome;
  readonly sealedSecrets: string;
  readonly secretsExpireAt: Date;
}

export interface PlanOnboardingArgs {
  readonly operationId: Id;
  readonly instanceId: Id;
  readonly mode: OnboardingMode;
  readonly spec: OnboardingSpec;
  readonly ids: { readonly userId: Id; readonly orgId: Id; readonly tokenId: Id; readonly bucketIds: [Id, Id, Id] };
  readonly passwordHash: string | null;
  readonly tokenDigest: string;
  readonly sealedSecrets: string;
  readonly secretsExpireAt: Date;
  readonly at: Date;
}

/**
 * The first onboarding makes an operator (as InfluxDB OSS's setup does); later ones (`/setup/user`) make an
 * owner of the new org only.
 */
export function planOnboarding(a: PlanOnboardingArgs): OnboardingPlan {
  const { spec, ids } = a;
  const permissions =
    a.mode === 'initial' ? operatorPermissions() : [...orgOwnerPermissions(ids.orgId), ...selfPermissions(ids.userId)];
  const [tasksId, monitoringId, bucketId] = ids.bucketIds;
  const [tasks, monitoring] = systemBucketsForOrg();
  const buckets: PlannedBucket[] = [
    { id: tasksId, orgId: ids.orgId, ...tasks },
    { id: monitoringId, orgId: ids.orgId, ...monitoring },
    { id: bucketId, orgId: ids.orgId, name: spec.bucket, type: 'user', retentionSeconds: spec.retentionSeconds },
  ];
  const at = a.at.toISOString();
  const description = `${spec.username}'s Token`;
  const owner = ids.orgId;
  return {
    operationId: a.operationId,
    instanceId: a.instanceId,
    mode: a.mode,
    maxBuckets: a.mode === 'initial' ? spec.maxBuckets : null,
    user: { id: ids.userId, name: spec.username, passwordHash: a.passwordHash },
    org: { id: ids.orgId, name: spec.org },
    buckets,
    token: { id: ids.tokenId, digest: a.tokenDigest, description, permissions },
    events: [
      {
        aggregateType: 'org',
        aggregateId: ids.orgId,
        type: 'org.added',
        payload: { name: spec.org },
        resourceOwner: owner,
      },
      {
        aggregateType: 'user',
        aggregateId: ids.userId,
        type: 'user.human.added',
        payload: { userName: spec.username },
        resourceOwner: owner,
      },
      {
        aggregateType: 'member',
        aggregateId: ids.userId,
        type: 'member.owner.added',
        payload: { orgId: ids.orgId, instance: a.mode === 'initial' },
        resourceOwner: owner,
      },
      ...buckets.map((b): PlannedEvent => ({
        aggregateType: 'bucket',
        aggregateId: b.id,
        type: 'bucket.added',
        payload: { name: b.name, retentionSeconds: b.retentionSeconds },
        resourceOwner: owner,
      })),
      {
        aggregateType: 'token',
        aggregateId: ids.tokenId,
        type: 'authorization.added',
        payload: { userId: ids.userId, onboarding: a.mode },
        resourceOwner: owner,
      },
    ],
    outcome: {
      user: { id: ids.userId, name: spec.username, status: 'active' },
      org: { id: ids.orgId, name: spec.org, description: '', createdAt: at, updatedAt: at },
      bucket: {
        id: bucketId,
        orgID: ids.orgId,
        name: spec.bucket,
        retentionSeconds: spec.retentionSeconds,
        shardGroupDurationSeconds: defaultShardGroupDurationSeconds(spec.retentionSeconds),
        createdAt: at,
        updatedAt: at,
      },
      auth: {
        id: ids.tokenId,
        orgID: ids.orgId,
        userID: ids.userId,
        description,
        permissions,
        createdAt: at,
        updatedAt: at,
      },
    },
    sealedSecrets: a.sealedSecrets,
    secretsExpireAt: a.secretsExpireAt,
  };
}
