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
    /** When a refused request may be tried again (RESOURCE_EXHAUSTED); the API sends it as `Retry-After`. */
    readonly retryAfterSeconds: number | null = null,
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

  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(ErrorCode.ResourceExhausted, message, [], retryAfterSeconds);
  }

  static alreadyExists(message: string): DomainError {
    return new DomainError(ErrorCode.AlreadyExists, message);
  }
}

/**
 * The instance serves no tenant request: blocked by its operator (or past a limiting quota). Besides the 429, the
 * tenant API sets ZITADEL's `zitadel.quota.exhausted` cookie, so that a proxy can turn such traffic away early.
 */
export class QuotaExhaustedError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.ResourceExhausted, message);
  }
}
