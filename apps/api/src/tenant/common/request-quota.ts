import { ChargeTenantRequestCommand, DomainError } from '@app/domain';
import { type CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';

import { type TenantRequest } from './tenant-request';

/** ZITADEL's cookie for an exhausted quota (its ExhaustedCookieKey and ExhaustedCookieMaxAge defaults). */
export const QUOTA_EXHAUSTED_COOKIE = 'zitadel.quota.exhausted';
const QUOTA_EXHAUSTED_COOKIE_MAX_AGE_MS = 300_000;

/**
 * Counts an authenticated tenant request against the instance's request quota. Past the amount of a limiting quota
 * it answers 429 with Retry-After (the period's end) and sets the exhausted cookie; a request that passes clears
 * the cookie when the client still sends it. Anonymous requests are not counted, as in ZITADEL.
 */
export async function chargeRequestQuota(
  commands: CommandBus,
  request: TenantRequest,
  response: Response,
): Promise<void> {
  const caller = request.tenant;
  if (!caller || caller.kind === 'anonymous') return;
  const verdict = await commands.execute(new ChargeTenantRequestCommand(caller.instanceId));
  if (verdict.exhausted) {
    response.cookie(QUOTA_EXHAUSTED_COOKIE, 'true', {
      maxAge: QUOTA_EXHAUSTED_COOKIE_MAX_AGE_MS,
      path: '/',
      sameSite: 'lax',
    });
    throw DomainError.tooManyRequests(
      'the instance has used up its quota of authenticated requests for this period',
      verdict.retryAfterSeconds,
    );
  }
  const cookies = request.cookies as Record<string, string> | undefined;
  if (cookies?.[QUOTA_EXHAUSTED_COOKIE] !== undefined)
    response.clearCookie(QUOTA_EXHAUSTED_COOKIE, { path: '/', sameSite: 'lax' });
}
