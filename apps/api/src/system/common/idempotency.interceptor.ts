import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Clock, DomainError, ErrorCode, IdempotencyStore, StoredAnswer } from '@app/domain';
import type { SystemRequest } from '../auth/system-auth.guard';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REPLAYED_HEADERS = ['location', 'retry-after'];
/** Fields that carry secrets; a replay after SECRET_RETENTION_SECONDS answers without them. */
const SECRET_FIELDS = new Set(['pat', 'machineKey', 'secret', 'token', 'key']);
const POLL_MS = 50;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_FIELDS.has(k)).map(([k, v]) => [k, redacted(v)]));
  }
  return value;
}

/**
 * `Idempotency-Key` on mutating System API calls: the same key with the same request, by the same caller, within
 * 24 hours, gets the first answer again (even while the first request still runs); another request with that key
 * gets 422. Failed requests release their key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (!key || !MUTATING.has(request.method) || !request.systemCallerId) return next.handle();
    if (key.length > 255) throw DomainError.invalidField('Idempotency-Key', 'must be at most 255 characters');
    const hash = createHash('sha256').update(JSON.stringify([request.method, request.path, canonical(request.body ?? null)])).digest('hex');
    return from(this.run(request.systemCallerId, key, hash, response, next));
  }

  private async run(callerId: string, key: string, hash: string, response: Response, next: CallHandler): Promise<unknown> {
    for (;;) {
      const claim = await this.store.claim(callerId, key, hash, this.clock.now());
      if (claim.kind === 'mismatch') {
        throw new DomainError(ErrorCode.Unprocessable, 'this Idempotency-Key was used with a different request');
      }
      if (claim.kind === 'replay') return this.replay(claim.answer, response);
      if (claim.kind === 'claimed') return this.execute(callerId, key, response, next);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async execute(callerId: string, key: string, response: Response, next: CallHandler): Promise<unknown> {
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.map((h) => [h, response.getHeader(h)]).filter(([, v]) => v !== undefined).map(([h, v]) => [h, String(v)]),
      );
      await this.store.complete(callerId, key, { status: response.statusCode, headers, body, redactedBody: redacted(body) }, this.clock.now());
      return body;
    } catch (error) {
      await this.store.release(callerId, key);
      throw error;
    }
  }

  private replay(answer: StoredAnswer, response: Response): unknown {
    response.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.setHeader('Idempotent-Replayed', 'true');
    return answer.body ?? answer.redactedBody;
  }
}
