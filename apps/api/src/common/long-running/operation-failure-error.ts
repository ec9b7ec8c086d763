import { DomainError, ErrorCode, FailureReason, type OperationFailure } from '@app/domain';

const ERROR_OF_REASON: Record<FailureReason, ErrorCode> = {
  [FailureReason.DomainTaken]: ErrorCode.AlreadyExists,
  [FailureReason.Conflict]: ErrorCode.Conflict,
  [FailureReason.Cancelled]: ErrorCode.FailedPrecondition,
  [FailureReason.QuotaExceeded]: ErrorCode.ResourceExhausted,
  [FailureReason.InvalidRequest]: ErrorCode.InvalidArgument,
  [FailureReason.Internal]: ErrorCode.Internal,
};

/** A failed operation as the error its call answers, over REST and gRPC alike, naming the operation. */
export function failureError(operationId: string, failure: OperationFailure): DomainError {
  return new DomainError(ERROR_OF_REASON[failure.reason], `${failure.message} (operation ${operationId})`);
}
