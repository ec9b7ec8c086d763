import {
  type CreateInstanceOutcome,
  type Id,
  type OnboardingOutcome,
  type Operation,
  OperationKind,
} from '@app/domain';

import { type OperationRow, type StoredInstanceOutcome } from '../database/tables';

/** CREATE_INSTANCE and REMOVE_INSTANCE keep their instance's details; the setups keep what they created. */
function keepsInstanceOutcome(kind: OperationKind): boolean {
  return kind === OperationKind.CreateInstance || kind === OperationKind.RemoveInstance;
}

function isInstanceOutcome(stored: OperationRow['outcome']): stored is StoredInstanceOutcome {
  return stored !== null && 'instanceId' in stored;
}

function instanceOutcome(row: OperationRow): CreateInstanceOutcome | null {
  const stored = row.outcome;
  if (!keepsInstanceOutcome(row.kind) || !isInstanceOutcome(stored)) return null;
  return {
    instanceId: stored.instanceId,
    details: {
      ...stored.details,
      creationDate: new Date(stored.details.creationDate),
      changeDate: new Date(stored.details.changeDate),
    },
  };
}

function onboardingOutcome(row: OperationRow): OnboardingOutcome | null {
  const stored = row.outcome;
  if (keepsInstanceOutcome(row.kind) || stored === null || isInstanceOutcome(stored)) return null;
  return stored;
}

export function toOperation(row: OperationRow): Operation {
  return {
    id: row.id,
    kind: row.kind,
    instanceId: row.instance_id,
    state: row.state,
    createdBy: row.created_by,
    requestedBy: row.requested_by,
    request: row.request,
    sealedInput: row.sealed_input,
    progress: {
      currentStep: row.current_step,
      completedSteps: row.completed_steps,
      totalSteps: row.total_steps,
      ...(row.step_starts
        ? { steps: row.step_starts.map((s) => ({ name: s.name, startedAt: new Date(s.startedAt) })) }
        : {}),
    },
    attempts: row.attempts,
    outcome: instanceOutcome(row),
    onboarding: onboardingOutcome(row),
    sealedSecrets: row.sealed_secrets,
    secretsExpireAt: row.secrets_expire_at,
    failure: row.failure,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    cancelRequestedAt: row.cancel_requested_at,
  };
}

/** What the outbox's operation events name of an operation. */
export function operationSubject(row: Pick<OperationRow, 'id' | 'instance_id' | 'kind'>): {
  id: Id;
  instanceId: Id;
  kind: OperationKind;
} {
  return { id: row.id, instanceId: row.instance_id, kind: row.kind };
}
