import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { parseBasicCredentials } from '../common/basic-credentials.decorator';

/**
 * Limits sign-in attempts per client address and user name, so that guessing one user's password is slow while
 * many users behind one address can still sign in.
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as Request;
    const name = parseBasicCredentials(request.headers.authorization)?.name.toLowerCase() ?? '';
    return `${request.ip ?? ''}|${request.hostname}|${name}`;
  }
}
