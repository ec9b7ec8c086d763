import { DomainError, ErrorCode } from '@app/domain';
import { type NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

import { findBodyProblem } from './body-problems';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-nesting';

/** Largest request body (413 beyond). */
export const MAX_BODY_SIZE = '1mb';

/** What body-parser makes of an error thrown here: its `status` is kept and its `type` names the refusal. */
function bodyRefusal(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type, expose: true });
}

/**
 * body-parser's `verify` hook: it sees the raw bytes before JSON.parse. JSON must be UTF-8 (RFC 8259 section 8.1),
 * which also makes the byte scan for nesting exact.
 */
function checkRawJson(_req: Request, _res: Response, bytes: Buffer, encoding: string | null): void {
  if (encoding !== 'utf-8') throw bodyRefusal(415, 'charset.unsupported', 'JSON bodies must be UTF-8');
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
    throw new DomainError(ErrorCode.InvalidArgument, `request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** %00 is the only way to put U+0000 into a path or query value; PostgreSQL text cannot hold it. */
function refuseNulInUrl(req: Request, _res: Response, next: NextFunction): void {
  if (/%00/i.test(req.url)) {
    next(new DomainError(ErrorCode.InvalidArgument, 'the URL must not contain %00 (the NUL character)'));
    return;
  }
  next();
}

/** After parsing: no string of the body (key or value) may hold U+0000 or an unpaired surrogate; size limits. */
function refuseUnstorableBody(req: Request, _res: Response, next: NextFunction): void {
  const found = findBodyProblem(req.body);
  if (found) {
    next(new DomainError(ErrorCode.InvalidArgument, `${found.field}: ${found.description}`, [found]));
    return;
  }
  next();
}

/**
 * Checks on every request before any route sees it, in this order: the URL, then the body while and after it is
 * parsed. The urlencoded parser is registered here too (Nest would add it after these checks otherwise).
 */
export function guardRequestInput(app: NestExpressApplication): void {
  app.use(refuseNulInUrl);
  app.useBodyParser('json', { limit: MAX_BODY_SIZE, verify: checkRawJson });
  app.useBodyParser('urlencoded', { limit: MAX_BODY_SIZE, extended: true });
  app.use(refuseUnstorableBody);
}
