import {
  CancelOutcome,
  CommitOutcome,
  CreateInstanceOutcome,
  defaultShardGroupDurationSeconds,
  DomainError,
  Id,
  InstanceReservation,
  InstanceState,
  isTerminal,
  OperationFailure,
  OperationKind,
  OperationState,
  PendingWorkAdmission,
  ProvisioningPlan,
  ProvisioningStore,
} from '@app/domain';
import { instanceCreatedEvent, instanceFailedEvent, operationFinishedEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import {
  BucketEntity,
  EventEntity,
  InstanceDomainEntity,
  InstanceEntity,
  InstanceMemberEntity,
  MachineKeyEntity,
  OperationEntity,
  OrgEntity,
  OrgMemberEntity,
  TokenEntity,
  UserEntity,
} from '../entities';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { CANCELLED, finishUnsuccessfully, lockOperation } from './finish-unsuccessfully';
import { pendingCreatesOf } from './pending-work';
import { isUniqueViolation } from './postgres-errors';

@Injectable()
export class TypeOrmProvisioningStore extends ProvisioningStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async reserve(r: InstanceReservation, admit?: PendingWorkAdmission): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        if (admit) admit(await pendingCreatesOf(tx, r.operation.createdBy));
        await tx.insert(InstanceEntity, {
          id: r.instanceId,
          name: r.name,
          state: InstanceState.Creating,
          defaultLanguage: r.defaultLanguage,
          createdAt: r.at,
          updatedAt: r.at,
        });
        await tx.insert(
          InstanceDomainEntity,
          r.domains.map((d) => ({
            instanceId: r.instanceId,
            domain: d.domain,
            isGenerated: d.generated,
            isPrimary: d.primary,
            createdAt: r.at,
          })),
        );
        await tx.insert(OperationEntity, {
          id: r.operation.id,
          instanceId: r.instanceId,
          kind: r.operation.kind,
          state: OperationState.Pending,
          createdBy: r.operation.createdBy,
          request: r.operation.request as object,
          sealedInput: r.operation.sealedInput,
          currentStep: null,
          completedSteps: 0,
          totalSteps: r.operation.totalSteps,
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
      if (isUniqueViolation(error, 'instance_domains_domain_key')) {
        const taken = r.domains.find((d) => !d.generated)?.domain ?? r.domains[0].domain;
        throw DomainError.alreadyExists(`domain "${taken}" is already taken`);
      }
      throw error;
    }
  }

  commit(plan: ProvisioningPlan, at: Date): Promise<CommitOutcome> {
    return this.db.transaction(async (tx) => {
      const operation = await lockOperation(tx, plan.operationId);
      if (!operation || isTerminal(operation.state as OperationState)) return 'already-finished';
      if (operation.cancelRequestedAt) {
        await finishUnsuccessfully(tx, operation, OperationState.Cancelled, CANCELLED, at);
        await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Cancelled, CANCELLED), at);
        return 'cancelled';
      }
      const scope = { instanceId: plan.instanceId, createdAt: at };
      await tx.update(
        InstanceEntity,
        { id: plan.instanceId, state: InstanceState.Creating },
        { state: InstanceState.Running, updatedAt: at },
      );
      if (plan.org) {
        const orgId = plan.org.id;
        await tx.insert(OrgEntity, { ...scope, id: orgId, name: plan.org.name, description: '', updatedAt: at });
        await tx.insert(
          UserEntity,
          plan.users.map((u) => ({
            ...scope,
            id: u.id,
            kind: u.kind,
            name: u.userName,
            displayName: u.displayName,
            email: u.email,
            emailVerified: u.emailVerified,
            firstName: u.firstName,
            lastName: u.lastName,
            preferredLanguage: u.preferredLanguage,
            passwordHash: u.passwordHash,
            passwordChangeRequired: u.passwordChangeRequired,
            status: 'active',
            updatedAt: at,
          })),
        );
        await tx.insert(
          OrgMemberEntity,
          plan.ownerIds.map((userId) => ({ ...scope, orgId, userId, role: 'owner' })),
        );
        await tx.insert(
          InstanceMemberEntity,
          plan.ownerIds.map((userId) => ({ ...scope, userId, role: 'owner' })),
        );
        if (plan.tokens.length) {
          await tx.insert(
            TokenEntity,
            plan.tokens.map((t) => ({
              ...scope,
              id: t.id,
              userId: t.userId,
              orgId: t.orgId,
              kind: t.kind,
              digest: t.digest,
              description: t.description,
              status: 'active',
              permissions: t.permissions,
              expiresAt: t.expiresAt,
              updatedAt: at,
            })),
          );
        }
        if (plan.machineKeys.length) {
          await tx.insert(
            MachineKeyEntity,
            plan.machineKeys.map((k) => ({
              ...scope,
              id: k.id,
              userId: k.userId,
              type: k.type,
              publicKeyPem: k.publicKeyPem,
              expiresAt: k.expiresAt,
            })),
          );
        }
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
      }
      const sequences = await this.appendEvents(tx, plan, at);
      const outcome: CreateInstanceOutcome = {
        instanceId: plan.instanceId,
        details: {
          sequence: sequences[sequences.length - 1],
          creationDate: at,
          changeDate: at,
          resourceOwner: plan.instanceId,
        },
      };
      await tx.update(
        OperationEntity,
        { id: plan.operationId },
        {
          state: OperationState.Succeeded,
          outcome: outcome,
          sealedInput: null,
          sealedSecrets: plan.sealedSecrets,
          secretsExpireAt: plan.secretsExpireAt,
          currentStep: null,
          completedSteps: () => 'total_steps',
          finishedAt: at,
          updatedAt: at,
        },
      );
      await recordOutboxEvent(tx, instanceCreatedEvent(plan.instanceId, plan.operationId), at);
      await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Succeeded), at);
      return 'written';
    });
  }

  async fail(operationId: Id, failure: OperationFailure, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const operation = await lockOperation(tx, operationId);
      if (!operation || isTerminal(operation.state as OperationState)) return;
      await finishUnsuccessfully(tx, operation, OperationState.Failed, failure, at);
      if (operation.kind === OperationKind.CreateInstance)
        await recordOutboxEvent(tx, instanceFailedEvent(operation.instanceId, operationId, failure), at);
      await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Failed, failure), at);
    });
  }

  cancel(operationId: Id, at: Date): Promise<CancelOutcome> {
    return this.db.transaction(async (tx) => {
      const operation = await lockOperation(tx, operationId);
      if (!operation || isTerminal(operation.state as OperationState)) return 'finished' as const;
      if (operation.state === OperationState.Pending) {
        await finishUnsuccessfully(tx, operation, OperationState.Cancelled, CANCELLED, at);
        await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Cancelled, CANCELLED), at);
        return 'cancelled' as const;
      }
      await tx.update(OperationEntity, { id: operationId }, { cancelRequestedAt: at, updatedAt: at });
      return 'requested' as const;
    });
  }

  private async appendEvents(tx: EntityManager, plan: ProvisioningPlan, at: Date): Promise<string[]> {
    const result = await tx.insert(
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
    return result.identifiers.map((i) => String(i.sequence));
  }
}
