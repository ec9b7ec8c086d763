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
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import {
  BucketEntity,
  EventEntity,
  InstanceMemberEntity,
  OperationEntity,
  OrgEntity,
  OrgMemberEntity,
  TokenEntity,
  UserEntity,
} from '../entities';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { CANCELLED, finishUnsuccessfully, lockOperation } from './finish-unsuccessfully';
import { pendingSetupsOf } from './pending-work';
import { isUniqueViolation } from './postgres-errors';

@Injectable()
export class TypeOrmOnboardingStore extends OnboardingStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  isSetupAllowed(instanceId: Id): Promise<boolean> {
    return this.setupAllowed(this.db.manager, instanceId);
  }

  async reserve(r: OnboardingReservation, admit: PendingWorkAdmission): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        admit(await pendingSetupsOf(tx, r.instanceId));
        await tx.insert(OperationEntity, {
          id: r.operationId,
          instanceId: r.instanceId,
          kind: r.kind,
          state: OperationState.Pending,
          createdBy: r.createdBy,
          requestedBy: r.requestedBy,
          request: r.request as object,
          sealedInput: r.sealedInput,
          currentStep: null,
          completedSteps: 0,
          totalSteps: r.totalSteps,
          attempts: 0,
          outcome: null,
          sealedSecrets: null,
          secretsExpireAt: null,
          failure: null,
          createdAt: r.at,
          startedAt: null,
          finishedAt: null,
          updatedAt: r.at,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'operations_one_setup_per_instance'))
        throw new DomainError(ErrorCode.Conflict, SETUP_COMPLETED);
      throw error;
    }
  }

  commit(plan: OnboardingPlan, at: Date): Promise<CommitOutcome> {
    return this.db
      .transaction(async (tx) => {
        const operation = await lockOperation(tx, plan.operationId);
        if (!operation || isTerminal(operation.state as OperationState)) return 'already-finished' as const;
        if (operation.cancelRequestedAt) {
          await finishUnsuccessfully(tx, operation, OperationState.Cancelled, CANCELLED, at);
          await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Cancelled, CANCELLED), at);
          return 'cancelled' as const;
        }
        if (plan.mode === 'initial') {
          // Serialises setups of one instance; the unique index on operations already lets only one through.
          await tx.query('SELECT 1 FROM instances WHERE id = $1 FOR UPDATE', [plan.instanceId]);
          if (!(await this.setupAllowed(tx, plan.instanceId)))
            throw new DomainError(ErrorCode.Conflict, SETUP_COMPLETED);
        }
        await this.write(tx, plan, at);
        if (plan.maxBuckets !== null)
          await tx.query('UPDATE instances SET max_buckets = $2 WHERE id = $1', [plan.instanceId, plan.maxBuckets]);
        await tx.update(
          OperationEntity,
          { id: plan.operationId },
          {
            state: OperationState.Succeeded,
            outcome: plan.outcome,
            sealedInput: null,
            sealedSecrets: plan.sealedSecrets,
            secretsExpireAt: plan.secretsExpireAt,
            currentStep: null,
            completedSteps: () => 'total_steps',
            finishedAt: at,
            updatedAt: at,
          },
        );
        await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Succeeded), at);
        return 'written' as const;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'users_name_key'))
          throw new DomainError(ErrorCode.Conflict, `user with name ${plan.user.name} already exists`);
        if (isUniqueViolation(error, 'orgs_name_key'))
          throw new DomainError(ErrorCode.Conflict, `organization with name ${plan.org.name} already exists`);
        throw error;
      });
  }

  private async write(tx: EntityManager, plan: OnboardingPlan, at: Date): Promise<void> {
    const scope = { instanceId: plan.instanceId, createdAt: at };
    await tx.insert(UserEntity, {
      ...scope,
      id: plan.user.id,
      kind: 'human',
      name: plan.user.name,
      displayName: plan.user.name,
      email: null,
      emailVerified: false,
      firstName: '',
      lastName: '',
      preferredLanguage: 'en',
      passwordHash: plan.user.passwordHash,
      passwordChangeRequired: false,
      status: 'active',
      updatedAt: at,
    });
    await tx.insert(OrgEntity, { ...scope, id: plan.org.id, name: plan.org.name, description: '', updatedAt: at });
    await tx.insert(OrgMemberEntity, { ...scope, orgId: plan.org.id, userId: plan.user.id, role: 'owner' });
    if (plan.mode === 'initial')
      await tx.insert(InstanceMemberEntity, { ...scope, userId: plan.user.id, role: 'owner' });
    await tx.insert(
      BucketEntity,
      plan.buckets.map((b) => ({
        ...scope,
        id: b.id,
        orgId: b.orgId,
        name: b.name,
        description: '',
        type: b.type,
        retentionSeconds: String(b.retentionSeconds),
        shardGroupDurationSeconds: String(defaultShardGroupDurationSeconds(b.retentionSeconds)),
        schemaType: 'implicit',
        updatedAt: at,
      })),
    );
    await tx.insert(TokenEntity, {
      ...scope,
      id: plan.token.id,
      userId: plan.user.id,
      orgId: plan.org.id,
      kind: 'authorization',
      digest: plan.token.digest,
      description: plan.token.description,
      status: 'active',
      permissions: plan.token.permissions,
      expiresAt: null,
      updatedAt: at,
    });
    await tx.insert(
      EventEntity,
      plan.events.map((e) => ({
        instanceId: plan.instanceId,
        aggregateType: e.aggregateType,
        aggregateId: e.aggregateId,
        eventType: e.type,
        payload: e.payload,
        resourceOwner: e.resourceOwner,
        createdAt: at,
      })),
    );
  }

  private async setupAllowed(manager: EntityManager, instanceId: Id): Promise<boolean> {
    const [row] = (await manager.query(
      `SELECT NOT EXISTS (SELECT 1 FROM users WHERE instance_id = $1) AND NOT EXISTS (SELECT 1 FROM orgs WHERE instance_id = $1) AS allowed`,
      [instanceId],
    )) as { allowed: boolean }[];
    return row.allowed;
  }
}
