import { DomainError, ErrorCode } from '../errors';
import { failureFromError, isPermanent } from './failure-from-error';
import { FailureReason } from './operation';

describe('failureFromError', () => {
  it.each([
    [ErrorCode.AlreadyExists, FailureReason.DomainTaken],
    [ErrorCode.ResourceExhausted, FailureReason.QuotaExceeded],
    [ErrorCode.Conflict, FailureReason.Conflict],
    [ErrorCode.InvalidArgument, FailureReason.InvalidRequest],
    [ErrorCode.Unprocessable, FailureReason.InvalidRequest],
  ])('maps DomainError %s to a permanent %s failure with its message', (code, reason) => {
    const error = new DomainError(code, 'domain acme.example.com is already taken');
    expect(failureFromError(error)).toEqual({
      reason,
      message: 'domain acme.example.com is already taken',
      retryable: false,
    });
    expect(isPermanent(error)).toBe(true);
  });

  it.each([
    ErrorCode.NotFound,
    ErrorCode.Unavailable,
    ErrorCode.Internal,
    ErrorCode.PermissionDenied,
    ErrorCode.FailedPrecondition,
  ])('treats DomainError %s as a retryable internal error', (code) => {
    expect(failureFromError(new DomainError(code, 'x'))).toEqual({
      reason: FailureReason.Internal,
      message: 'internal error while provisioning the instance',
      retryable: true,
    });
  });

  it('hides the message of an unexpected error', () => {
    const failure = failureFromError(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2'));
    expect(failure).toEqual({
      reason: FailureReason.Internal,
      message: 'internal error while provisioning the instance',
      retryable: true,
    });
    expect(isPermanent(new Error('boom'))).toBe(false);
  });

  it.each([undefined, null, 'a string', 42, { code: ErrorCode.AlreadyExists }])(
    'treats a thrown %p as internal',
    (thrown) => {
      expect(failureFromError(thrown).reason).toBe(FailureReason.Internal);
    },
  );
});
