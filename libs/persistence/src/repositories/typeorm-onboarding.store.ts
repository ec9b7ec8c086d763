import {
  CommitOutcome,
  defaultShardGroupDurationSeconds,
  DomainError,
  ErrorCode,
  Id,
  isTerminal,
  OnboardingPlan,
  OnboardingReservation,
  OnboardingStore,
  OperationState,
  PendingWorkAdmission,
  SETUP_COMPLETED,
} from '@app/domain';
import { operationFinishedEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { TenantDatabase } from '../database/tenant-database';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { CANCELLED, finishUnsuccessfully, lockOperation } from './finish-unsuccessfully';
import { operationSubject } from './operation.mapper';
import { pendingSetupsOf } from './pending-work';
import { isUniqueViolation } from './postgres-errors';

/** `/api/v2/setup` and `/setup/user`: everything here belongs to the one instance being set up. */
@Injectable()
export class TypeOrmOnboardingStore extends OnboardingStore {
  constructor(private readonly tenant: TenantDatabase) {
    super();
  }

  isSetupAllowed(instanceId: Id): Promise<boolean> {
    return this.tenant.withInstance(instanceId, (tx) => setupAllowed(tx, instanceId));
  }

  async reserve(r: OnboardingReservation, admit: PendingWorkAdmission): Promise<void> {
    try {
      await this.tenant.withInstance(r.instanceId, async (tx) => {
        admit(await pendingSetupsOf(tx, r.instanceId));
        await tx.insert('operations', {
          id: r.operationId,
          instance_id: r.instanceId,
          kind: r.kind,
          state: OperationState.Pending,
          created_by: r.createdBy,
          requested_by: r.requestedBy,
          request: r.request,
          sealed_input: r.sealedInput,
          total_steps: r.totalSteps,
          created_at: r.at,
          updated_at: r.at,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'operations_one_setup_per_instance'))
        throw new DomainError(ErrorCode.Conflict, SETUP_COMPLETED);
      throw error;
    }
  }

  async commit(plan: OnboardingPlan, at: Date): Promise<CommitOutcome> {
    try {
      return await this.tenant.withInstance(plan.instanceId, async (tx): Promise<CommitOutcome> => {
        const operation = await lockOperation(tx, plan.operationId);
        if (!operation || isTerminal(operation.state)) return 'already-finished';
        if (operation.cancel_requested_at) {
          await finishUnsuccessfully(tx, operation, OperationState.Cancelled, CANCELLED, at);
          await recordOutboxEvent(
            tx,
            operationFinishedEvent(operationSubject(operation), OperationState.Cancelled, CANCELLED),
            at,
          );
          return 'cancelled';
        }
        if (plan.mode === 'initial') {
          // Serialises setups of one instance; the unique index on operations already lets only one through.
          await tx.rows('SELECT 1 FROM instances WHERE id = $1 FOR UPDATE', [plan.instanceId]);
          if (!(await setupAllowed(tx, plan.instanceId))) throw new DomainError(ErrorCode.Conflict, SETUP_COMPLETED);
        }
        await writePlan(tx, plan, at);
        if (plan.maxBuckets !== null)
          await tx.execute('UPDATE instances SET max_buckets = $2 WHERE id = $1', [plan.instanceId, plan.maxBuckets]);
        await tx.execute(
          `UPDATE operations SET state = $2, outcome = $3, sealed_input = NULL, sealed_secrets = $4, secrets_expire_at = $5,
                  current_step = NULL, completed_steps = total_steps, finished_at = $6, updated_at = $6
            WHERE id = $1`,
          [
            plan.operationId,
            OperationState.Succeeded,
            JSON.stringify(plan.outcome),
            plan.sealedSecrets,
            plan.secretsExpireAt,
            at,
          ],
        );
        await recordOutboxEvent(tx, operationFinishedEvent(operationSubject(operation), OperationState.Succeeded), at);
        return 'written';
      });
    } catch (error) {
      // The transaction is over when these arrive: a name taken meanwhile is the caller's conflict, not a fault.
      if (isUniqueViolation(error, 'users_name_key'))
        throw new DomainError(ErrorCode.Conflict, `user with name ${plan.user.name} already exists`);
      if (isUniqueViolation(error, 'orgs_name_key'))
        throw new DomainError(ErrorCode.Conflict, `organization with name ${plan.org.name} already exists`);
      throw error;
    }
  }
}

/** The user, org, memberships, buckets, token and events one onboarding creates. */
async function writePlan(tx: SqlTransaction, plan: OnboardingPlan, at: Date): Promise<void> {
  const scope = { instance_id: plan.instanceId, created_at: at };
  await tx.insert('users', {
    ...scope,
    id: plan.user.id,
    kind: 'human',
    name: plan.user.name,
    display_name: plan.user.name,
    email: null,
    email_verified: false,
    first_name: '',
    last_name: '',
    preferred_language: 'en',
    password_hash: plan.user.passwordHash,
    password_change_required: false,
    status: 'active',
    updated_at: at,
  });
  await tx.insert('orgs', { ...scope, id: plan.org.id, name: plan.org.name, description: '', updated_at: at });
  await tx.insert('org_members', { ...scope, org_id: plan.org.id, user_id: plan.user.id, role: 'owner' });
  if (plan.mode === 'initial') await tx.insert('instance_members', { ...scope, user_id: plan.user.id, role: 'owner' });
  await tx.insert(
    'buckets',
    plan.buckets.map((b) => ({
      ...scope,
      id: b.id,
      org_id: b.orgId,
      name: b.name,
      description: '',
      type: b.type,
      retention_seconds: String(b.retentionSeconds),
      shard_group_duration_seconds: String(defaultShardGroupDurationSeconds(b.retentionSeconds)),
      schema_type: 'implicit' as const,
      updated_at: at,
    })),
  );
  await tx.insert('tokens', {
    ...scope,
    id: plan.token.id,
    user_id: plan.user.id,
    org_id: plan.org.id,
    kind: 'authorization',
    digest: plan.token.digest,
    description: plan.token.description,
    status: 'active',
    permissions: plan.token.permissions,
    expires_at: null,
    updated_at: at,
  });
  await tx.appendEvents(plan.instanceId, plan.events, at);
}

/** True exactly while the instance has no user and no org. */
async function setupAllowed(tx: SqlTransaction, instanceId: Id): Promise<boolean> {
  const row = await tx.first<{ allowed: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM users WHERE instance_id = $1) AND NOT EXISTS (SELECT 1 FROM orgs WHERE instance_id = $1) AS allowed`,
    [instanceId],
  );
  return row?.allowed === true;
}
