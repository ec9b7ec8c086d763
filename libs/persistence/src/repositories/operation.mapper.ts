import {
  type CreateInstanceOutcome,
  type OnboardingOutcome,
  type Operation,
  type OperationFailure,
  OperationKind,
  type OperationState,
} from '@app/domain';

import { type OperationEntity } from '../entities';

interface StoredOutcome {
  instanceId: string;
  details: { sequence: string; creationDate: string; changeDate: string; resourceOwner: string };
}

export function toOperation(row: OperationEntity): Operation {
  const kind = row.kind as OperationKind;
  const hasOutcome = kind === OperationKind.CreateInstance || kind === OperationKind.RemoveInstance;
  const stored = hasOutcome ? (row.outcome as unknown as StoredOutcome | null) : null;
  const outcome: CreateInstanceOutcome | null = stored
    ? {
        instanceId: stored.instanceId,
        details: {
          ...stored.details,
          creationDate: new Date(stored.details.creationDate),
          changeDate: new Date(stored.details.changeDate),
        },
      }
    : null;
  return {
    id: row.id,
    kind,
    instanceId: row.instanceId,
    state: row.state as OperationState,
    createdBy: row.createdBy,
    requestedBy: row.requestedBy ?? null,
    request: row.request,
    sealedInput: row.sealedInput,
    progress: {
      currentStep: row.currentStep,
      completedSteps: row.completedSteps,
      totalSteps: row.totalSteps,
      ...(row.stepStarts
        ? { steps: row.stepStarts.map((s) => ({ name: s.name, startedAt: new Date(s.startedAt) })) }
        : {}),
    },
    attempts: row.attempts,
    outcome,
    onboarding: hasOutcome ? null : (row.outcome as unknown as OnboardingOutcome | null),
    sealedSecrets: row.sealedSecrets,
    secretsExpireAt: row.secretsExpireAt,
    failure: (row.failure as unknown as OperationFailure | null) ?? null,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    cancelRequestedAt: row.cancelRequestedAt ?? null,
  };
}
