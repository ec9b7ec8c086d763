import {
  CancelOutcome,
  CommitOutcome,
  CreateInstanceOutcome,
  DomainError,
  ErrorCode,
  Id,
  InstanceReservation,
  InstanceState,
  isTerminal,
  LimitedAdmission,
  OperationFailure,
  OperationKind,
  OperationState,
  PlannedOrg,
  ProvisioningPlan,
  ProvisioningStore,
} from '@app/domain';
import { instanceCreatedEvent, instanceFailedEvent, operationFinishedEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { SystemDatabase } from '../database/system-database';
import { TenantDatabase } from '../database/tenant-database';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { finishSuccessfully } from './finish-successfully';
import { finishCancelled, finishUnsuccessfully, lockOperation } from './finish-unsuccessfully';
import { operationSubject } from './operation.mapper';
import { instanceOfOperation } from './operation-instance';
import { consumePooledKeyPair } from './pg-machine-key-pool';
import { isUniqueViolation } from './postgres-errors';
import { reserveInstance } from './reserve-instance';
import {
  insertBuckets,
  insertInstanceOwners,
  insertOrg,
  insertOrgMembers,
  insertTokens,
  insertUsers,
} from './tenant-rows';

/**
 * The reservation runs in the system scope: it counts the caller's unfinished creations across instances and claims
 * domains that are unique across the service. Everything after it (commit, failure, cancel) touches one instance
 * and runs in that instance's scope.
 */
@Injectable()
export class TypeOrmProvisioningStore extends ProvisioningStore {
  constructor(
    private readonly tenant: TenantDatabase,
    private readonly system: SystemDatabase,
  ) {
    super();
  }

  async reserve(r: InstanceReservation, admit?: LimitedAdmission): Promise<void> {
    try {
      await this.system.statement((sql) => reserveInstance(sql, r, admit));
    } catch (error) {
      if (isUniqueViolation(error, 'instance_domains_domain_key')) {
        const taken = r.domains.find((d) => !d.generated)?.domain ?? r.domains[0].domain;
        throw DomainError.alreadyExists(`domain "${taken}" is already taken`);
      }
      throw error;
    }
  }

  commit(plan: ProvisioningPlan, at: Date): Promise<CommitOutcome> {
    return this.tenant.withInstance(plan.instanceId, async (tx) => {
      const operation = await lockOperation(tx, plan.operationId);
      if (!operation || isTerminal(operation.state)) return 'already-finished';
      if (operation.cancel_requested_at) {
        await finishCancelled(tx, operation, at);
        return 'cancelled';
      }
      if (plan.pooledKeyId) await consumePooledKeyPair(tx, plan.pooledKeyId, plan.operationId);
      await tx.execute('UPDATE instances SET state = $3, updated_at = $4 WHERE id = $1 AND state = $2', [
        plan.instanceId,
        InstanceState.Creating,
        InstanceState.Running,
        at,
      ]);
      if (plan.org) await writeTenantRows(tx, plan, plan.org, at);
      await tx.appendEvents(plan.instanceId, plan.events, at);
      const outcome: CreateInstanceOutcome = {
        instanceId: plan.instanceId,
        details: {
          sequence: plan.events.length > 0 ? await lastEventSequence(tx) : '0',
          creationDate: at,
          changeDate: at,
          resourceOwner: plan.instanceId,
        },
      };
      await recordOutboxEvent(tx, instanceCreatedEvent(plan.instanceId, plan.operationId), at);
      await finishSuccessfully(
        tx,
        operation,
        { outcome, sealedSecrets: plan.sealedSecrets, secretsExpireAt: plan.secretsExpireAt },
        at,
      );
      return 'written';
    });
  }

  async fail(operationId: Id, failure: OperationFailure, at: Date): Promise<void> {
    const instanceId = await instanceOfOperation(this.system, operationId);
    if (!instanceId) return;
    await this.tenant.withInstance(instanceId, async (tx) => {
      const operation = await lockOperation(tx, operationId);
      if (!operation || isTerminal(operation.state)) return;
      await finishUnsuccessfully(tx, operation, OperationState.Failed, failure, at);
      if (operation.kind === OperationKind.CreateInstance)
        await recordOutboxEvent(tx, instanceFailedEvent(instanceId, operationId, failure), at);
      await recordOutboxEvent(
        tx,
        operationFinishedEvent(operationSubject(operation), OperationState.Failed, failure),
        at,
      );
    });
  }

  async cancel(operationId: Id, at: Date): Promise<CancelOutcome> {
    const instanceId = await instanceOfOperation(this.system, operationId);
    if (!instanceId) return 'finished';
    return this.tenant.withInstance(instanceId, async (tx): Promise<CancelOutcome> => {
      const operation = await lockOperation(tx, operationId);
      if (!operation || isTerminal(operation.state)) return 'finished';
      if (operation.state === OperationState.Pending) {
        await finishCancelled(tx, operation, at);
        return 'cancelled';
      }
      await tx.execute('UPDATE operations SET cancel_requested_at = $2, updated_at = $2 WHERE id = $1', [
        operationId,
        at,
      ]);
      return 'requested';
    });
  }
}

/** The org, its users and owners, tokens, machine keys and buckets of an instance created with an org. */
async function writeTenantRows(tx: SqlTransaction, plan: ProvisioningPlan, org: PlannedOrg, at: Date): Promise<void> {
  const { instanceId } = plan;
  await insertOrg(tx, instanceId, { ...org, description: '' }, at);
  await insertUsers(tx, instanceId, plan.users, at);
  await insertOrgMembers(tx, instanceId, org.id, plan.ownerIds, 'owner', at);
  await insertInstanceOwners(tx, instanceId, plan.ownerIds, at);
  await insertTokens(tx, instanceId, plan.tokens, at);
  await tx.insert(
    'machine_keys',
    plan.machineKeys.map((k) => ({
      instance_id: instanceId,
      id: k.id,
      user_id: k.userId,
      type: k.type,
      public_key_pem: k.publicKeyPem,
      expires_at: k.expiresAt,
      created_at: at,
    })),
  );
  await insertBuckets(tx, instanceId, plan.buckets, at);
}

/**
 * The sequence the last event written in this session got. `currval` is per session and the transaction's own
 * connection wrote the events just before, so this is exact even while other instances write events. Only after
 * writing at least one: before that, it would answer an earlier transaction's on this pooled connection.
 */
async function lastEventSequence(tx: SqlTransaction): Promise<string> {
  const row = await tx.first<{ sequence: string }>(
    `SELECT currval(pg_get_serial_sequence('events', 'sequence'))::text AS sequence`,
  );
  if (!row) throw new DomainError(ErrorCode.Internal, 'the event log answered no sequence');
  return row.sequence;
}
