import { type Permission } from '../authorization/permission';
import { type Id } from '../shared/id';

export interface PlannedOrg {
  readonly id: Id;
  readonly name: string;
}

export interface PlannedUser {
  readonly id: Id;
  readonly kind: 'human' | 'machine';
  readonly userName: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredLanguage: string;
  readonly passwordHash: string | null;
  readonly passwordChangeRequired: boolean;
}

export interface PlannedToken {
  readonly id: Id;
  readonly userId: Id;
  readonly orgId: Id;
  readonly kind: 'pat';
  readonly digest: string;
  readonly description: string;
  readonly permissions: Permission[];
  readonly expiresAt: Date | null;
}

export interface PlannedMachineKey {
  readonly id: Id;
  readonly userId: Id;
  readonly type: 'KEY_TYPE_JSON';
  readonly publicKeyPem: string;
  readonly expiresAt: Date | null;
}

export interface PlannedBucket {
  readonly id: Id;
  readonly orgId: Id;
  readonly name: string;
  readonly type: 'system' | 'user';
  readonly retentionSeconds: number;
}

export interface PlannedEvent {
  readonly aggregateType:
    'instance' | 'org' | 'user' | 'token' | 'machine_key' | 'bucket' | 'label' | 'member' | 'quota';
  readonly aggregateId: Id;
  readonly type: string;
  /** Never a secret. */
  readonly payload: Record<string, unknown>;
  readonly resourceOwner: Id;
}

/** Every row a new instance consists of, written in one transaction together with its events. */
export interface ProvisioningPlan {
  readonly operationId: Id;
  readonly instanceId: Id;
  /** null for an instance awaiting setup */
  readonly org: PlannedOrg | null;
  readonly users: PlannedUser[];
  /** Owners of the org and of the instance. */
  readonly ownerIds: Id[];
  readonly tokens: PlannedToken[];
  readonly machineKeys: PlannedMachineKey[];
  readonly buckets: PlannedBucket[];
  readonly events: PlannedEvent[];
  readonly sealedSecrets: string | null;
  readonly secretsExpireAt: Date | null;
  /**
   * The machine key pool entry the plan's key pair came from: the commit deletes it, claimed by this operation, in
   * the same transaction, and fails if the claim was lost, so that no pair ever serves two instances.
   */
  readonly pooledKeyId: Id | null;
}
