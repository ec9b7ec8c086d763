import {
  CommitOutcome,
  DomainError,
  ErrorCode,
  Id,
  isTerminal,
  OnboardingPlan,
  OnboardingReservation,
  OnboardingStore,
  OperationState,
  PendingWorkAdmission,
  PlannedUser,
  SETUP_COMPLETED,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { TenantDatabase } from '../database/tenant-database';
import { finishSuccessfully } from './finish-successfully';
import { finishCancelled, lockOperation } from './finish-unsuccessfully';
import { pendingSetupsOf } from './pending-work';
import { isUniqueViolation } from './postgres-errors';
import {
  insertBuckets,
  insertInstanceOwners,
  insertOrg,
  insertOrgMembers,
  insertTokens,
  insertUsers,
} from './tenant-rows';

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
          await finishCancelled(tx, operation, at);
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
        await finishSuccessfully(tx, operation, plan, at);
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
  const { instanceId, user, org } = plan;
  await insertUsers(tx, instanceId, [onboardedUser(user)], at);
  await insertOrg(tx, instanceId, { ...org, description: '' }, at);
  await insertOrgMembers(tx, instanceId, org.id, [user.id], 'owner', at);
  if (plan.mode === 'initial') await insertInstanceOwners(tx, instanceId, [user.id], at);
  await insertBuckets(tx, instanceId, plan.buckets, at);
  await insertTokens(
    tx,
    instanceId,
    [{ ...plan.token, userId: user.id, orgId: org.id, kind: 'authorization', expiresAt: null }],
    at,
  );
  await tx.appendEvents(instanceId, plan.events, at);
}

/** Setup asks only for a name and a password: the rest of the user is InfluxDB's defaults. */
function onboardedUser(user: OnboardingPlan['user']): PlannedUser {
  return {
    id: user.id,
    kind: 'human',
    userName: user.name,
    displayName: user.name,
    email: null,
    emailVerified: false,
    firstName: '',
    lastName: '',
    preferredLanguage: 'en',
    passwordHash: user.passwordHash,
    passwordChangeRequired: false,
  };
}

/** True exactly while the instance has no user and no org. */
async function setupAllowed(tx: SqlTransaction, instanceId: Id): Promise<boolean> {
  const row = await tx.first<{ allowed: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM users WHERE instance_id = $1) AND NOT EXISTS (SELECT 1 FROM orgs WHERE instance_id = $1) AS allowed`,
    [instanceId],
  );
  return row?.allowed === true;
}
