import { timingSafeEqual } from 'node:crypto';

import { DomainError, ErrorCode } from '@app/domain';
import { type AppConfig, sha256Hex, type SystemUserRole } from '@app/infrastructure';

import { SystemUserVerifier } from './system-user-verifier';

/** Who called the System API, without their secret. */
export interface SystemCallerIdentity {
  /** The digest of a SYSTEM_API_TOKENS token, or `user:<id>` for a system user. */
  id: string;
  /** A static token has full rights, like SYSTEM_OWNER. */
  role: SystemUserRole;
}

function bearerToken(authorization: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/**
 * Checks an `Authorization: Bearer <credential>` value, the same for every surface of the System API (REST, gRPC,
 * gRPC-Web, Connect): a JWT of a system user (SYSTEM_API_USERS, see SystemUserVerifier), or else one of
 * SYSTEM_API_TOKENS (compared by digest, in constant time).
 */
export class SystemAuthenticator {
  private readonly digests: Buffer[];
  private readonly users: SystemUserVerifier;

  constructor(config: AppConfig) {
    this.digests = config.systemTokenDigests.map((d) => Buffer.from(d, 'hex'));
    this.users = new SystemUserVerifier(config);
  }

  async authenticate(authorization: string | undefined | null): Promise<SystemCallerIdentity> {
    const token = bearerToken(authorization);
    if (!token)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'missing credentials: send Authorization: Bearer <system API token or system user JWT>',
      );
    if (SystemUserVerifier.isJwt(token)) {
      const user = await this.users.verify(token);
      return { id: `user:${user.id}`, role: user.role };
    }
    const digest = Buffer.from(sha256Hex(token), 'hex');
    if (!this.digests.some((d) => timingSafeEqual(d, digest))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid system API credentials');
    }
    return { id: digest.toString('hex'), role: 'SYSTEM_OWNER' };
  }
}
