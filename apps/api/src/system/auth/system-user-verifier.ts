import { DomainError, ErrorCode } from '@app/domain';
import { AppConfig, SystemUser } from '@app/infrastructure';
import { Injectable, Logger } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader, errors, JWTPayload, jwtVerify } from 'jose';

/** How old `iat` may be, and how far clocks may differ (for an `iat` slightly in the future). */
export const MAX_JWT_AGE_SECONDS = 3600;
export const CLOCK_SKEW_SECONDS = 60;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * What both an unknown user and a bad signature get: telling them apart would let anyone list the user ids of
 * SYSTEM_API_USERS. The log says which it was.
 */
const UNVERIFIED = 'unknown system user or bad signature';

function rejected(why: string): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, `invalid system user JWT: ${why}`);
}

/**
 * Verifies the JWTs of ZITADEL-style system users (SYSTEM_API_USERS): RS256, signed with the user's key,
 * `iss` = `sub` = user id, `aud` naming SYSTEM_API_ISSUER, `exp` in the future, `iat` at most an hour old.
 * Errors say which check failed, except before the signature is verified (see UNVERIFIED), and never contain the token.
 */
@Injectable()
export class SystemUserVerifier {
  private readonly logger = new Logger('SystemUserVerifier');
  private readonly issuer: string;
  private readonly audiences: string[];

  constructor(private readonly config: AppConfig) {
    this.issuer = config.systemApiIssuer;
    this.audiences = [this.issuer, `${this.issuer}/`];
  }

  /** Whether a bearer credential is a JWS compact serialization (three base64url parts, a JSON header with `alg`). */
  static isJwt(token: string): boolean {
    if (!JWT_SHAPE.test(token)) return false;
    try {
      return typeof decodeProtectedHeader(token).alg === 'string';
    } catch {
      return false;
    }
  }

  async verify(jwt: string, now: Date = new Date()): Promise<SystemUser> {
    const iss = this.claimedUser(jwt);
    const user = this.config.systemUsers.get(iss);
    let payload: JWTPayload;
    try {
      // An unknown user's JWT is still checked, against a known user's key, so that it takes as long as a bad signature.
      ({ payload } = await jwtVerify(jwt, (user ?? this.decoy())?.publicKey ?? new Uint8Array(32), {
        algorithms: ['RS256'],
        issuer: iss,
        subject: iss,
        audience: this.audiences,
        requiredClaims: ['exp', 'iat'],
        currentDate: now,
      }));
    } catch (e) {
      throw this.refuse(iss, user ? this.explain(e) : 'unknown system user');
    }
    if (!user) throw this.refuse(iss, 'unknown system user');
    const age = Math.floor(now.getTime() / 1000) - (payload.iat as number);
    if (age > MAX_JWT_AGE_SECONDS)
      throw this.refuse(iss, `iat is too old: the JWT was issued more than ${MAX_JWT_AGE_SECONDS / 3600} hour ago`);
    if (age < -CLOCK_SKEW_SECONDS)
      throw this.refuse(iss, `iat lies in the future (more than ${CLOCK_SKEW_SECONDS} s of clock skew)`);
    return user;
  }

  /** The user id the JWT names in `iss`, after the checks that do not depend on the user. */
  private claimedUser(jwt: string): string {
    let iss: unknown;
    let alg: unknown;
    try {
      iss = decodeJwt(jwt).iss;
      alg = decodeProtectedHeader(jwt).alg;
    } catch {
      throw this.refuse(undefined, 'the token is malformed');
    }
    if (typeof iss !== 'string' || iss === '')
      throw this.refuse(undefined, 'iss is missing; it must be the system user id');
    if (alg !== 'RS256') throw this.refuse(iss, 'it must be signed with RS256');
    return iss;
  }

  private decoy(): SystemUser | undefined {
    return this.config.systemUsers.values().next().value;
  }

  /** Logs the precise reason (and the claimed user id, never the token); the caller learns it unless it is UNVERIFIED. */
  private refuse(iss: string | undefined, reason: string): DomainError {
    this.logger.warn({ iss: iss?.slice(0, 128), reason }, 'system user JWT refused');
    return rejected(reason === 'unknown system user' || reason === 'bad signature' ? UNVERIFIED : reason);
  }

  /** Why jose refused the JWT of a known user; only claim errors come after the signature verified. */
  private explain(error: unknown): string {
    if (error instanceof errors.JWTExpired) return 'it has expired (exp is not in the future)';
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.reason === 'missing') return `the claim ${error.claim} is missing`;
      switch (error.claim) {
        case 'aud':
          return `wrong audience: aud must name this service's issuer ${this.issuer}`;
        case 'sub':
          return 'sub must equal iss (the system user id)';
        default:
          return `the claim ${error.claim} is invalid`;
      }
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
    if (error instanceof errors.JOSEError) return 'the token is malformed';
    throw error;
  }
}
