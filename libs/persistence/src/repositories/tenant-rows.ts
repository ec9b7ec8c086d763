import {
  defaultShardGroupDurationSeconds,
  type Id,
  type OrgRole,
  type Permission,
  type PlannedBucket,
  type PlannedUser,
  type TokenKind,
} from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';

/**
 * The rows an instance's tenant consists of, written the same way by every workflow that creates them: provisioning
 * (a new instance with its org), onboarding (`/setup`, `/setup/user`) and creating an org. Each function inserts
 * inside the caller's transaction and scope; the caller decides the order (foreign keys) and records the events.
 */

export interface TenantOrg {
  readonly id: Id;
  readonly name: string;
  readonly description: string;
}

export interface TenantToken {
  readonly id: Id;
  readonly userId: Id;
  readonly orgId: Id;
  readonly kind: TokenKind;
  readonly digest: string;
  readonly description: string;
  readonly permissions: Permission[];
  readonly expiresAt: Date | null;
}

export function insertOrg(tx: SqlTransaction, instanceId: Id, org: TenantOrg, at: Date): Promise<void> {
  return tx.insert('orgs', {
    instance_id: instanceId,
    id: org.id,
    name: org.name,
    description: org.description,
    created_at: at,
    updated_at: at,
  });
}

/** Users start active. */
export function insertUsers(
  tx: SqlTransaction,
  instanceId: Id,
  users: readonly PlannedUser[],
  at: Date,
): Promise<void> {
  return tx.insert(
    'users',
    users.map((u) => ({
      instance_id: instanceId,
      id: u.id,
      kind: u.kind,
      name: u.userName,
      display_name: u.displayName,
      email: u.email,
      email_verified: u.emailVerified,
      first_name: u.firstName,
      last_name: u.lastName,
      preferred_language: u.preferredLanguage,
      password_hash: u.passwordHash,
      password_change_required: u.passwordChangeRequired,
      status: 'active' as const,
      created_at: at,
      updated_at: at,
    })),
  );
}

export function insertOrgMembers(
  tx: SqlTransaction,
  instanceId: Id,
  orgId: Id,
  userIds: readonly Id[],
  role: OrgRole,
  at: Date,
): Promise<void> {
  return tx.insert(
    'org_members',
    userIds.map((userId) => ({ instance_id: instanceId, org_id: orgId, user_id: userId, role, created_at: at })),
  );
}

export function insertInstanceOwners(
  tx: SqlTransaction,
  instanceId: Id,
  userIds: readonly Id[],
  at: Date,
): Promise<void> {
  return tx.insert(
    'instance_members',
    userIds.map((userId) => ({ instance_id: instanceId, user_id: userId, role: 'owner', created_at: at })),
  );
}

/** Tokens start active; only their digest is stored. */
export function insertTokens(
  tx: SqlTransaction,
  instanceId: Id,
  tokens: readonly TenantToken[],
  at: Date,
): Promise<void> {
  return tx.insert(
    'tokens',
    tokens.map((t) => ({
      instance_id: instanceId,
      id: t.id,
      user_id: t.userId,
      org_id: t.orgId,
      kind: t.kind,
      digest: t.digest,
      description: t.description,
      status: 'active' as const,
      permissions: t.permissions,
      expires_at: t.expiresAt,
      created_at: at,
      updated_at: at,
    })),
  );
}

/** Buckets are created with an implicit schema and the shard group duration their retention implies. */
export function insertBuckets(
  tx: SqlTransaction,
  instanceId: Id,
  buckets: readonly PlannedBucket[],
  at: Date,
): Promise<void> {
  return tx.insert(
    'buckets',
    buckets.map((b) => ({
      instance_id: instanceId,
      id: b.id,
      org_id: b.orgId,
      name: b.name,
      description: '',
      type: b.type,
      retention_seconds: String(b.retentionSeconds),
      shard_group_duration_seconds: String(defaultShardGroupDurationSeconds(b.retentionSeconds)),
      schema_type: 'implicit' as const,
      created_at: at,
      updated_at: at,
    })),
  );
}
