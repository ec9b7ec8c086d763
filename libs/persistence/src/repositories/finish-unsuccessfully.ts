import { FailureReason, InstanceState, type OperationFailure, OperationKind, OperationState } from '@app/domain';
import { type EntityManager } from 'typeorm';

import { EventEntity, InstanceDomainEntity, InstanceEntity, OperationEntity } from '../entities';

export const CANCELLED: OperationFailure = {
  reason: FailureReason.Cancelled,
  message: 'cancelled by the caller',
  retryable: false,
};

/**
 * Ends an operation as FAILED or CANCELLED inside the caller's transaction, erasing its sealed data. A CreateInstance
 * also releases its reservation (instance STATE_FAILED, domains freed); an onboarding leaves its instance as it was.
 */
export async function finishUnsuccessfully(
  tx: EntityManager,
  operation: OperationEntity,
  state: OperationState.Failed | OperationState.Cancelled,
  failure: OperationFailure,
  at: Date,
): Promise<void> {
  const { id: operationId, instanceId, kind } = operation;
  await tx.update(
    OperationEntity,
    { id: operationId },
    {
      state,
      failure: failure,
      sealedInput: null,
      sealedSecrets: null,
      secretsExpireAt: null,
      currentStep: null,
      finishedAt: at,
      updatedAt: at,
    },
  );
  if (kind !== OperationKind.CreateInstance) return;
  await tx.update(
    InstanceEntity,
    { id: instanceId, state: InstanceState.Creating },
    { state: InstanceState.Failed, updatedAt: at },
  );
  await tx.delete(InstanceDomainEntity, { instanceId });
  await tx.insert(EventEntity, {
    instanceId,
    aggregateType: 'instance',
    aggregateId: instanceId,
    eventType: state === OperationState.Cancelled ? 'instance.cancelled' : 'instance.failed',
    payload: { operationId, reason: failure.reason },
    resourceOwner: instanceId,
    createdAt: at,
  });
}

/** Locks the operation row for the rest of the transaction. */
export function lockOperation(tx: EntityManager, operationId: string): Promise<OperationEntity | null> {
  return tx.findOne(OperationEntity, { where: { id: operationId }, lock: { mode: 'pessimistic_write' } });
}
