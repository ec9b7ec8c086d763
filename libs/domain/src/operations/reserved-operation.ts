import { type InstanceReservation } from '../ports/provisioning-store.port';
import { type Operation, OperationState } from './operation';

/**
 * The operation as a reservation stores it, before any worker touched it: what an async create answers without
 * reading the row back (the row is written by this request and nothing else has changed it yet that the answer must
 * show: a worker that already started is a later state, which `_wait` and GET report).
 */
export function reservedOperation(r: InstanceReservation): Operation {
  return {
    id: r.operation.id,
    kind: r.operation.kind,
    instanceId: r.instanceId,
    state: OperationState.Pending,
    createdBy: r.operation.createdBy,
    requestedBy: null,
    request: r.operation.request,
    sealedInput: r.operation.sealedInput,
    progress: { currentStep: null, completedSteps: 0, totalSteps: r.operation.totalSteps },
    attempts: 0,
    outcome: null,
    onboarding: null,
    sealedSecrets: null,
    secretsExpireAt: null,
    failure: null,
    createdAt: r.at,
    startedAt: null,
    finishedAt: null,
    cancelRequestedAt: null,
  };
}
