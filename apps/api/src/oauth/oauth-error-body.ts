import { type DomainError, ErrorCode } from '@app/domain';

/** RFC 6749 section 5.2 error body of the OAuth surface (`/oauth/...`, `/.well-known/...`). */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

/**
 * The OAuth error and status of each domain code (see libs/domain/src/oauth/jwt-bearer-grant.ts for which refusal
 * uses which code). Throttling answers 429 `slow_down` (RFC 8628's registered code for "ask less often") with
 * Retry-After; a host that names no instance answers 404 `invalid_request`.
 */
const OAUTH_ERROR: Partial<Record<ErrorCode, [number, string]>> = {
  [ErrorCode.InvalidArgument]: [400, 'invalid_request'],
  [ErrorCode.Unauthenticated]: [400, 'invalid_grant'],
  [ErrorCode.PermissionDenied]: [400, 'invalid_grant'],
  [ErrorCode.FailedPrecondition]: [400, 'unsupported_grant_type'],
  [ErrorCode.NotFound]: [404, 'invalid_request'],
  [ErrorCode.ResourceExhausted]: [429, 'slow_down'],
  [ErrorCode.Unavailable]: [503, 'temporarily_unavailable'],
  [ErrorCode.Internal]: [500, 'server_error'],
};

export function oauthError(error: DomainError, httpStatusOverride?: number): { status: number; body: OAuthErrorBody } {
  const [status, code] = OAUTH_ERROR[error.code] ?? [400, 'invalid_request'];
  return { status: httpStatusOverride ?? status, body: { error: code, error_description: error.message } };
}

/** Paths whose errors use the OAuth body. */
export function isOAuthPath(path: string): boolean {
  return path.startsWith('/oauth/') || path.startsWith('/.well-known/');
}
