import type { NextFunction, Request, Response } from 'express';

/** ZITADEL's cookie for an instance that serves no requests (ZITADEL's defaults: key and 300 s max age). */
export const QUOTA_EXHAUSTED_COOKIE = 'zitadel.quota.exhausted';
const MAX_AGE_MS = 300_000;

function withoutQuotaCookie(response: Response): void {
  const current = response.getHeader('Set-Cookie');
  const cookies = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).filter(
    (c) => !c.startsWith(`${QUOTA_EXHAUSTED_COOKIE}=`),
  );
  if (cookies.length) response.setHeader('Set-Cookie', cookies);
  else response.removeHeader('Set-Cookie');
}

/** On the 429 of a blocked instance (replacing the expiry the middleware below may have set). */
export function setQuotaExhaustedCookie(response: Response): void {
  withoutQuotaCookie(response);
  response.cookie(QUOTA_EXHAUSTED_COOKIE, 'true', { path: '/', maxAge: MAX_AGE_MS });
}

/** Tenant API: a request that still carries the cookie gets it expired, unless its answer sets it again. */
export function clearQuotaExhaustedCookie(request: Request, response: Response, next: NextFunction): void {
  if (request.path.startsWith('/api/') && request.cookies?.[QUOTA_EXHAUSTED_COOKIE] !== undefined)
    response.clearCookie(QUOTA_EXHAUSTED_COOKIE, { path: '/' });
  next();
}
