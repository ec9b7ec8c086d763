import { ErrorCode } from './error-code';

export interface FieldViolation {
  readonly field: string;
  readonly description: string;
}

/** An expected failure with a code the API surfaces translate; its message is safe to show to callers. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldViolations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalidField(field: string, description: string): DomainError {
    return new DomainError(ErrorCode.InvalidArgument, `${field}: ${description}`, [{ field, description }]);
  }

  static notFound(message: string): DomainError {
    return new DomainError(ErrorCode.NotFound, message);
  }

  static alreadyExists(message: string): DomainError {
    return new DomainError(ErrorCode.AlreadyExists, message);
  }
}
