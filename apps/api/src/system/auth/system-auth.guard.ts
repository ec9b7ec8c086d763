import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '@app/domain';
import { AppConfig, sha256Hex } from '@app/persistence';
import { assertRoleAllows } from './system-roles';
import { SystemUserVerifier } from './system-user-verifier';

export interface SystemRequest extends Request {
  /**
   * Who authenticated the request, without holding its secret: the digest of a SYSTEM_API_TOKENS token, or
   * `user:<id>` for a system user.
   */
  systemCallerId?: string;
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/**
 * Accepts `Authorization: Bearer <credential>`: a JWT of a system user (SYSTEM_API_USERS, see SystemUserVerifier,
 * limited by its role), or else one of SYSTEM_API_TOKENS (compared by digest, in constant time; full rights).
 */
@Injectable()
export class SystemAuthGuard implements CanActivate {
  private readonly digests: Buffer[];
  private readonly users: SystemUserVerifier;

  constructor(config: AppConfig) {
    this.digests = config.systemTokenDigests.map((d) => Buffer.from(d, 'hex'));
    // Built here rather than injected, so that every module using this guard gets it without registering a provider.
    this.users = new SystemUserVerifier(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const token = bearerToken(request);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'missing credentials: send Authorization: Bearer <system API token or system user JWT>');
    if (SystemUserVerifier.isJwt(token)) {
      const user = await this.users.verify(token);
      assertRoleAllows(user.role, request.method, request.path);
      request.systemCallerId = `user:${user.id}`;
      return true;
    }
    const digest = Buffer.from(sha256Hex(token), 'hex');
    if (!this.digests.some((d) => timingSafeEqual(d, digest))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid system API credentials');
    }
    request.systemCallerId = digest.toString('hex');
    return true;
  }
}
