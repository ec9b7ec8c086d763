import {
  CommitOutcome,
  DomainError,
  ErrorCode,
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

import { SystemDatabase } from '../database/system-database';
import { type OperationRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { recordOutboxEvent } from '../outbox/record-outbox-event';
import { aggregateDetails } from './aggregate-details';
import { lockOperation } from './finish-unsuccessfully';
import { operationSubject } from './operation.mapper';
import { instanceOfOperation } from './operation-instance';

/**
 * DELETE /system/v1/instances/{id} and its job. All of it is one instance's work and runs in that instance's scope;
 * the job names only its operation, so the system scope is used for one read: which instance that operation is for.
 */
@Injectable()
export class TypeOrmInstanceRemovalStore extends InstanceRemovalStore {
  constructor(
    private readonly tenant: TenantDatabase,
    private readonly system: SystemDatabase,
  ) {
    super();
  }

  beginRemoval(
    instanceId: Id,
    operationId: Id,
    createdBy: string,
    at: Date,
  ): Promise<{ operationId: Id; started: boolean }> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      await tx.rows('SELECT 1 FROM instances WHERE id = $1 FOR UPDATE', [instanceId]);
      const running = await tx.first<Pick<OperationRow, 'id'>>(
        `SELECT id FROM operations WHERE instance_id = $1 AND kind = $2 AND state IN ('PENDING', 'RUNNING')`,
        [instanceId, OperationKind.RemoveInstance],
      );
      if (running) return { operationId: running.id, started: false };
      await tx.execute('UPDATE instances SET state = $2, updated_at = $3 WHERE id = $1', [
        instanceId,
        InstanceState.Stopping,
        at,
      ]);
      await tx.insert('operations', {
        id: operationId,
        instance_id: instanceId,
        kind: OperationKind.RemoveInstance,
        state: OperationState.Pending,
        created_by: createdBy,
        request: {},
        total_steps: 1,
        created_at: at,
        updated_at: at,
      });
      await tx.appendEvents(
        instanceId,
        [
          {
            aggregateType: 'instance',
            aggregateId: instanceId,
            type: 'instance.stopping',
            payload: { operationId },
            resourceOwner: instanceId,
          },
        ],
        at,
      );
      return { operationId, started: true };
    });
  }

  async purge(operationId: Id, at: Date): Promise<CommitOutcome> {
    const instanceId = await instanceOfOperation(this.system, operationId);
    if (!instanceId) return 'already-finished';
    return this.tenant.withInstance(instanceId, async (tx): Promise<CommitOutcome> => {
      const operation = await lockOperation(tx, operationId);
      if (!operation || isTerminal(operation.state)) return 'already-finished';
      // Users and orgs take tokens, keys, memberships, buckets, labels and their mappings with them (ON DELETE CASCADE).
      await tx.execute('DELETE FROM users WHERE instance_id = $1', [instanceId]);
      await tx.execute('DELETE FROM orgs WHERE instance_id = $1', [instanceId]);
      await tx.execute('DELETE FROM instance_domains WHERE instance_id = $1', [instanceId]);
      // Events keep their order and types but lose every payload (names, e-mail addresses); a tombstone remains.
      await tx.execute(`UPDATE events SET payload = '{}'::jsonb WHERE instance_id = $1`, [instanceId]);
      await tx.execute(
        `UPDATE operations SET sealed_input = NULL, sealed_secrets = NULL, secrets_expire_at = NULL, request = '{}'::jsonb
          WHERE instance_id = $1`,
        [instanceId],
      );
      await tx.execute('UPDATE instances SET state = $2, updated_at = $3 WHERE id = $1', [
        instanceId,
        InstanceState.Stopped,
        at,
      ]);
      await tx.appendEvents(
        instanceId,
        [
          {
            aggregateType: 'instance',
            aggregateId: instanceId,
            type: 'instance.removed',
            payload: { operationId },
            resourceOwner: instanceId,
          },
        ],
        at,
      );
      const details = await aggregateDetails(tx, instanceId, 'instance', instanceId);
      if (!details) throw new DomainError(ErrorCode.Internal, 'the removed instance has no events to answer with');
      await tx.execute(
        `UPDATE operations SET state = $2, outcome = $3, current_step = NULL, completed_steps = 1, finished_at = $4,
                updated_at = $4
          WHERE id = $1`,
        [operationId, OperationState.Succeeded, JSON.stringify({ instanceId, details }), at],
      );
      await recordOutboxEvent(tx, instanceRemovedEvent(instanceId, operationId), at);
      await recordOutboxEvent(tx, operationFinishedEvent(operationSubject(operation), OperationState.Succeeded), at);
      return 'written';
    });
  }

  details(instanceId: Id): Promise<ObjectDetails | null> {
    return this.tenant.withInstance(instanceId, (tx) => aggregateDetails(tx, instanceId, 'instance', instanceId));
  }
}
