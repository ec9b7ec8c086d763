import { DomainError, ErrorCode } from '../errors';
import { type DecodedAssertion, type MachineKeyGrant } from '../ports';

/** RFC 7523 section 2.1: the grant type of the JWT profile for authorization grants. */
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** ZITADEL's default access token lifetime; never beyond the machine key's own expiry. */
export const ACCESS_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** As ZITADEL's JWT profile verifier: `iat` at most an hour old. We also allow 60 s of clock skew. */
export const ASSERTION_MAX_AGE_SECONDS = 60 * 60;
/** An assertion may not be valid for longer than an hour (ServiceAccount signs exactly one hour). */
export const ASSERTION_MAX_LIFETIME_SECONDS = 60 * 60;
export const ASSERTION_CLOCK_SKEW_SECONDS = 60;

/**
 * The token endpoint's refusals. Each is a DomainError whose code the OAuth surface maps to an RFC 6749 error:
 * InvalidArgument -> invalid_request, Unauthenticated -> invalid_grant, FailedPrecondition -> unsupported_grant_type.
 */
export const invalidRequest = (description: string) => new DomainError(ErrorCode.InvalidArgument, description);
export const invalidGrant = (description: string) => new DomainError(ErrorCode.Unauthenticated, description);
export const unsupportedGrantType = () =>
  new DomainError(ErrorCode.FailedPrecondition, `only the grant type ${JWT_BEARER_GRANT_TYPE} is supported`);

/** What an unknown key and a bad signature both get, so that nobody learns which key ids exist. */
export const UNVERIFIED_ASSERTION = 'unknown key or bad signature';

/**
 * Checks an assertion whose signature the key has verified, as ZITADEL's JWT profile verifier does (zitadel/oidc
 * op.VerifyJWTAssertion): the key is current, its user an active machine user, `iss` = `sub` = that user, `aud`
 * names this instance's issuer, `exp` in the future, `iat` neither in the future nor older than an hour.
 * Returns why it is refused, or null.
 */
export function assertionProblem(
  claims: DecodedAssertion,
  key: MachineKeyGrant,
  issuer: string,
  now: Date,
): string | null {
  const nowSeconds = now.getTime() / 1000;
  if (key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime()) return 'machine key has expired';
  if (key.user.kind !== 'machine') return 'the key does not belong to a machine user';
  if (key.user.status !== 'active') return 'user is inactive';
  if (claims.issuer !== key.user.id || claims.subject !== key.user.id)
    return 'iss and sub must both be the user id of the key';
  if (!claims.audience.some((aud) => aud === issuer || aud === `${issuer}/`))
    return `aud must contain the issuer ${issuer}`;
  if (claims.expiresAt === null) return 'exp is required';
  if (claims.expiresAt <= nowSeconds - ASSERTION_CLOCK_SKEW_SECONDS) return 'assertion has expired';
  if (claims.issuedAt === null) return 'iat is required';
  if (claims.issuedAt > nowSeconds + ASSERTION_CLOCK_SKEW_SECONDS) return 'iat is in the future';
  if (claims.issuedAt < nowSeconds - ASSERTION_MAX_AGE_SECONDS - ASSERTION_CLOCK_SKEW_SECONDS)
    return 'iat is more than an hour old';
  if (claims.expiresAt - claims.issuedAt > ASSERTION_MAX_LIFETIME_SECONDS + ASSERTION_CLOCK_SKEW_SECONDS) {
    return 'exp may be at most one hour after iat';
  }
  return null;
}

/** What the token endpoint answers (RFC 6749 section 5.1). */
export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  readonly scope: string;
}
