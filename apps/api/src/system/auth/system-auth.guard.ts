import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '@app/domain';
import { AppConfig, sha256Hex } from '@app/persistence';

export interface SystemRequest extends Request {
  /** Digest of the credential that authenticated the request; it identifies the caller without holding its secret. */
  systemCallerId?: string;
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/** Accepts `Authorization: Bearer <token>` where the token is one of SYSTEM_API_TOKENS (compared by digest, in constant time). */
@Injectable()
export class SystemAuthGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(config: AppConfig) {
    this.digests = config.systemTokenDigests.map((d) => Buffer.from(d, 'hex'));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const token = bearerToken(request);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'missing credentials: send Authorization: Bearer <system API token>');
    const digest = Buffer.from(sha256Hex(token), 'hex');
    if (!this.digests.some((d) => timingSafeEqual(d, digest))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid system API credentials');
    }
    request.systemCallerId = digest.toString('hex');
    return true;
  }
}
