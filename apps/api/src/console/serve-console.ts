import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { DomainError, ErrorCode } from '@app/domain';
import { type NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

import { systemError } from '../common/errors/error-body';
import type { SystemRequest } from '../system/auth/system-auth.guard';
import { CONSOLE_DIST } from './console-files';

/** No inline script or style, nothing from elsewhere, never framed. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SYSTEM_PREFIX = '/console/api/system/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A change must come from this origin when the browser says where it comes from (SameSite and CSRF token aside). */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Everything under /console: security headers; `/console/api/system/v1/...` is handed to the System API's own routes
 * (the same controllers and guard, which then accept the console cookie, which the browser sends only to /console);
 * the rest is the Vite build in dist/console. Mounted before any other middleware, so they all see the System API path.
 */
export function serveConsole(app: NestExpressApplication): void {
  app.use((req: SystemRequest, res: Response, next: NextFunction) => {
    if (req.path !== '/console' && !req.path.startsWith('/console/')) return next();
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (!req.path.startsWith('/console/api/')) return next();
    res.setHeader('Cache-Control', 'no-store');
    if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      const { status, body } = systemError(new DomainError(ErrorCode.PermissionDenied, 'cross-origin request refused'));
      return void res.status(status).json(body);
    }
    req.viaConsole = true;
    if (req.path === SYSTEM_PREFIX || req.path.startsWith(`${SYSTEM_PREFIX}/`))
      req.url = req.url.slice('/console/api'.length);
    next();
  });
  app.useStaticAssets(CONSOLE_DIST, {
    prefix: '/console/',
    index: 'index.html',
    redirect: false,
    setHeaders: (res, path) =>
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use(['/console', '/console/'], (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || (req.path !== '/' && req.path !== '')) return next();
    if (req.originalUrl.replace(/\?.*$/, '') === '/console') return res.redirect(302, '/console/');
    const index = join(CONSOLE_DIST, 'index.html');
    if (!existsSync(index))
      return res.status(503).type('text/plain').send('the console is not built: run npm run build:console');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
