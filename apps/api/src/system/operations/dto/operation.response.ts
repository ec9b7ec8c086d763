import { type Operation, type OperationView } from '@app/domain';

import { type CreateInstanceResponse, createInstanceResponse } from '../../instances/dto/create-instance.response';
import { timestampJson } from '../../protojson';

export interface OperationResponse {
  id: string;
  kind: string;
  instanceId: string;
  state: string;
  progress: { currentStep?: string; completedSteps: number; totalSteps: number; steps?: StepTiming[] };
  attempts: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** When SUCCEEDED; secrets only for the caller that started it, until SECRET_RETENTION_SECONDS pass. */
  result?: CreateInstanceResponse;
  /** When FAILED. */
  error?: { reason: string; message: string; retryable: boolean };
}

/** A step of the latest attempt: when it began, and how long it took once it has ended. */
export interface StepTiming {
  name: string;
  startedAt: string;
  durationMs?: number;
}

/** A step ends when the next begins; the last one when the operation finishes (still running: no duration yet). */
function stepTimings(operation: Operation): StepTiming[] | undefined {
  const steps = operation.progress.steps;
  if (!steps?.length) return undefined;
  return steps.map((step, i) => {
    const end = steps[i + 1]?.startedAt ?? operation.finishedAt;
    return {
      name: step.name,
      startedAt: step.startedAt.toISOString(),
      ...(end ? { durationMs: Math.max(0, end.getTime() - step.startedAt.getTime()) } : {}),
    };
  });
}

export function operationResponse(view: OperationView): OperationResponse {
  const { operation } = view;
  return {
    id: operation.id,
    kind: operation.kind,
    instanceId: operation.instanceId,
    state: operation.state,
    progress: {
      ...(operation.progress.currentStep ? { currentStep: operation.progress.currentStep } : {}),
      completedSteps: operation.progress.completedSteps,
      totalSteps: operation.progress.totalSteps,
      ...(operation.progress.steps?.length ? { steps: stepTimings(operation) } : {}),
    },
    attempts: operation.attempts,
    createdAt: operation.createdAt.toISOString(),
    startedAt: timestampJson(operation.startedAt),
    finishedAt: timestampJson(operation.finishedAt),
    ...(operation.outcome ? { result: createInstanceResponse(view) } : {}),
    ...(operation.failure ? { error: { ...operation.failure } } : {}),
  };
}
