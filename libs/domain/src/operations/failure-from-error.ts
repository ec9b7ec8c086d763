import { DomainError, ErrorCode } from '../errors';
import { FailureReason, type OperationFailure } from './operation';

/** Turns whatever stopped an operation into a typed failure; internal details never reach the caller. */
export function failureFromError(error: unknown): OperationFailure {
  if (error instanceof DomainError) {
    switch (error.code) {
      case ErrorCode.AlreadyExists:
        return { reason: FailureReason.DomainTaken, message: error.message, retryable: false };
      case ErrorCode.ResourceExhausted:
        return { reason: FailureReason.QuotaExceeded, message: error.message, retryable: false };
      case ErrorCode.Conflict:
        return { reason: FailureReason.Conflict, message: error.message, retryable: false };
      case ErrorCode.InvalidArgument:
      case ErrorCode.Unprocessable:
        return { reason: FailureReason.InvalidRequest, message: error.message, retryable: false };
      default:
        break;
    }
  }
  return { reason: FailureReason.Internal, message: 'internal error while provisioning the instance', retryable: true };
}

/** Errors that another attempt cannot fix. */
export function isPermanent(error: unknown): boolean {
  return !failureFromError(error).retryable;
}
