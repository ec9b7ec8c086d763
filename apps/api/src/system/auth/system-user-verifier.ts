import { Injectable } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, JWTPayload } from 'jose';
import { DomainError, ErrorCode } from '@app/domain';
import { AppConfig, SystemUser } from '@app/persistence';

/** How old `iat` may be, and how far clocks may differ (for an `iat` slightly in the future). */
export const MAX_JWT_AGE_SECONDS = 3600;
export const CLOCK_SKEW_SECONDS = 60;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function rejected(why: string): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, `invalid system user JWT: ${why}`);
}

/**
 * Verifies the JWTs of ZITADEL-style system users (SYSTEM_API_USERS): RS256, signed with the user's key,
 * `iss` = `sub` = user id, `aud` naming SYSTEM_API_ISSUER, `exp` in the future, `iat` at most an hour old.
 * Errors say which check failed and never contain the token.
 */
@Injectable()
export class SystemUserVerifier {
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
    const user = this.userNamedBy(jwt);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, user.publicKey, {
        algorithms: ['RS256'],
        issuer: user.id,
        subject: user.id,
        audience: this.audiences,
        requiredClaims: ['exp', 'iat'],
        currentDate: now,
      }));
    } catch (e) {
      throw this.explain(e, user);
    }
    const age = Math.floor(now.getTime() / 1000) - (payload.iat as number);
    if (age > MAX_JWT_AGE_SECONDS) throw rejected(`iat is too old: the JWT was issued more than ${MAX_JWT_AGE_SECONDS / 3600} hour ago`);
    if (age < -CLOCK_SKEW_SECONDS) throw rejected(`iat lies in the future (more than ${CLOCK_SKEW_SECONDS} s of clock skew)`);
    return user;
  }

  private userNamedBy(jwt: string): SystemUser {
    let iss: unknown;
    try {
      iss = decodeJwt(jwt).iss;
    } catch {
      throw rejected('the token is malformed');
    }
    if (typeof iss !== 'string' || iss === '') throw rejected('iss is missing; it must be the system user id');
    const user = this.config.systemUsers.get(iss);
    if (!user) throw rejected('unknown system user (iss names no user of SYSTEM_API_USERS)');
    return user;
  }

  private explain(error: unknown, user: SystemUser): unknown {
    if (error instanceof errors.JWTExpired) return rejected('it has expired (exp is not in the future)');
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.reason === 'missing') return rejected(`the claim ${error.claim} is missing`);
      switch (error.claim) {
        case 'aud':
          return rejected(`wrong audience: aud must name this service's issuer ${this.issuer}`);
        case 'sub':
          return rejected('sub must equal iss (the system user id)');
        default:
          return rejected(`the claim ${error.claim} is invalid`);
      }
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return rejected(`bad signature: it does not verify with the public key of system user ${user.id}`);
    }
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      return rejected('it must be signed with RS256');
    }
    if (error instanceof errors.JOSEError) return rejected('the token is malformed');
    return error;
  }
}
