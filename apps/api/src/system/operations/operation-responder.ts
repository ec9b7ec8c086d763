import {
  DomainError,
  ErrorCode,
  FailureReason,
  type OperationFailure,
  OperationState,
  type OperationView,
} from '@app/domain';
import type { Response } from 'express';

import { type OperationResponse, operationResponse } from './dto/operation.response';

/** RFC 7240: `Prefer: respond-async` asks for 202 at once instead of waiting. */
export function prefersAsync(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((p) => p.trim().toLowerCase() === 'respond-async');
}

const RETRY_AFTER_SECONDS = 1;

const ERROR_OF_REASON: Record<FailureReason, ErrorCode> = {
  [FailureReason.DomainTaken]: ErrorCode.AlreadyExists,
  [FailureReason.Conflict]: ErrorCode.Conflict,
  [FailureReason.Cancelled]: ErrorCode.FailedPrecondition,
  [FailureReason.QuotaExceeded]: ErrorCode.ResourceExhausted,
  [FailureReason.InvalidRequest]: ErrorCode.InvalidArgument,
  [FailureReason.Internal]: ErrorCode.Internal,
};

export function failureError(operationId: string, failure: OperationFailure): DomainError {
  return new DomainError(ERROR_OF_REASON[failure.reason], `${failure.message} (operation ${operationId})`);
}

/**
 * Answers a long-running call: the finished result as the reference API does, a failure as its error,
 * or 202 with the operation, its Location and Retry-After while it is still running.
 */
export function respondToOperation<T, P = OperationResponse>(
  view: OperationView,
  res: Response,
  finished: (view: OperationView) => T,
  pending: { location: string; body: (view: OperationView) => P } = {
    location: '/system/v1/operations',
    body: operationResponse as (view: OperationView) => P,
  },
): T | P {
  const { operation } = view;
  if (operation.state === OperationState.Succeeded) return finished(view);
  if (operation.failure) throw failureError(operation.id, operation.failure);
  res.status(202);
  res.setHeader('Location', `${pending.location}/${operation.id}`);
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  return pending.body(view);
}
