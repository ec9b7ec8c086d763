import { type OperationView } from '@app/domain';

import { type CreateInstanceResponse, createInstanceResponse } from '../../instances/dto/create-instance.response';
import { timestampJson } from '../../protojson';

export interface OperationResponse {
  id: string;
  kind: string;
  instanceId: string;
  state: string;
  progress: { currentStep?: string; completedSteps: number; totalSteps: number };
  attempts: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** When SUCCEEDED; secrets only for the caller that started it, until SECRET_RETENTION_SECONDS pass. */
  result?: CreateInstanceResponse;
  /** When FAILED. */
  error?: { reason: string; message: string; retryable: boolean };
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
    },
    attempts: operation.attempts,
    createdAt: operation.createdAt.toISOString(),
    startedAt: timestampJson(operation.startedAt),
    finishedAt: timestampJson(operation.finishedAt),
    ...(operation.outcome ? { result: createInstanceResponse(view) } : {}),
    ...(operation.failure ? { error: { ...operation.failure } } : {}),
  };
}
