import {
  CommitOutcome,
  Id,
  InstanceRemovalStore,
  instanceRemovedEvent,
  InstanceState,
  isTerminal,
  ObjectDetails,
  operationFinishedEvent,
  OperationKind,
  OperationState,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { EventEntity, OperationEntity } from '../entities';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { aggregateDetails } from './aggregate-details';

@Injectable()
export class TypeOrmInstanceRemovalStore extends InstanceRemovalStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  beginRemoval(
    instanceId: Id,
    operationId: Id,
    createdBy: string,
    at: Date,
  ): Promise<{ operationId: Id; started: boolean }> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM instances WHERE id = $1 FOR UPDATE', [instanceId]);
      const [running] = (await tx.query(
        `SELECT id FROM operations WHERE instance_id = $1 AND kind = $2 AND state IN ('PENDING', 'RUNNING')`,
        [instanceId, OperationKind.RemoveInstance],
      )) as { id: string }[];
      if (running) return { operationId: running.id, started: false };
      await tx.query(`UPDATE instances SET state = $2, updated_at = $3 WHERE id = $1`, [
        instanceId,
        InstanceState.Stopping,
        at,
      ]);
      await tx.insert(OperationEntity, {
        id: operationId,
        instanceId,
        kind: OperationKind.RemoveInstance,
        state: OperationState.Pending,
        createdBy,
        request: {},
        sealedInput: null,
        currentStep: null,
        completedSteps: 0,
        totalSteps: 1,
        attempts: 0,
        outcome: null,
        sealedSecrets: null,
        secretsExpireAt: null,
        failure: null,
        createdAt: at,
        startedAt: null,
        finishedAt: null,
        updatedAt: at,
      });
      await tx.insert(EventEntity, {
        instanceId,
        aggregateType: 'instance',
        aggregateId: instanceId,
        eventType: 'instance.stopping',
        payload: { operationId },
        resourceOwner: instanceId,
        createdAt: at,
      });
      return { operationId, started: true };
    });
  }

  purge(operationId: Id, at: Date): Promise<CommitOutcome> {
    return this.db.transaction(async (tx) => {
      const operation = await tx.findOne(OperationEntity, {
        where: { id: operationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!operation || isTerminal(operation.state as OperationState)) return 'already-finished' as const;
      const instanceId = operation.instanceId;
      // Users and orgs take tokens, keys, memberships, buckets, labels and their mappings with them (ON DELETE CASCADE).
      await tx.query('DELETE FROM users WHERE instance_id = $1', [instanceId]);
      await tx.query('DELETE FROM orgs WHERE instance_id = $1', [instanceId]);
      await tx.query('DELETE FROM instance_domains WHERE instance_id = $1', [instanceId]);
      // Events keep their order and types but lose every payload (names, e-mail addresses); a tombstone remains.
      await tx.query(`UPDATE events SET payload = '{}'::jsonb WHERE instance_id = $1`, [instanceId]);
      await tx.query(
        'UPDATE operations SET sealed_input = NULL, sealed_secrets = NULL, secrets_expire_at = NULL, request = $2 WHERE instance_id = $1',
        [instanceId, {}],
      );
      await tx.query(`UPDATE instances SET state = $2, updated_at = $3 WHERE id = $1`, [
        instanceId,
        InstanceState.Stopped,
        at,
      ]);
      const inserted = await tx.insert(EventEntity, {
        instanceId,
        aggregateType: 'instance',
        aggregateId: instanceId,
        eventType: 'instance.removed',
        payload: { operationId },
        resourceOwner: instanceId,
        createdAt: at,
      });
      const sequence = String(inserted.identifiers[0].sequence);
      const details = (await aggregateDetails(tx, instanceId, 'instance', instanceId)) ?? {
        sequence,
        creationDate: at,
        changeDate: at,
        resourceOwner: instanceId,
      };
      await tx.update(
        OperationEntity,
        { id: operationId },
        {
          state: OperationState.Succeeded,
          outcome: { instanceId, details },
          currentStep: null,
          completedSteps: 1,
          finishedAt: at,
          updatedAt: at,
        },
      );
      await recordOutboxEvent(tx, instanceRemovedEvent(instanceId, operationId), at);
      await recordOutboxEvent(tx, operationFinishedEvent(operation, OperationState.Succeeded), at);
      return 'written' as const;
    });
  }

  details(instanceId: Id): Promise<ObjectDetails | null> {
    return aggregateDetails(this.db.manager, instanceId, 'instance', instanceId);
  }
}
