import { Clock, IdempotencyStore, StoredAnswer } from '@app/domain';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';

import type { SystemRequest } from '../auth/system-auth.guard';
import { runIdempotently } from './idempotent-call';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REPLAYED_HEADERS = ['location', 'retry-after'];

/** `Idempotency-Key` on mutating System API calls over REST (see runIdempotently). */
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
    const call = {
      callerId: request.systemCallerId,
      key,
      request: [request.method, request.path, request.body ?? null],
    };
    return from(this.run(call, response, next));
  }

  private async run(
    call: Parameters<typeof runIdempotently>[2],
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const outcome = await runIdempotently(this.store, this.clock, call, async () => {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.map((h) => [h, response.getHeader(h)])
          .filter(([, v]) => v !== undefined)
          .map(([h, v]) => [h, String(v)]),
      );
      return { result: body, answer: { status: response.statusCode, headers, body } };
    });
    return outcome.kind === 'fresh' ? outcome.result : this.replay(outcome.answer, response);
  }

  private replay(answer: StoredAnswer, response: Response): unknown {
    response.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.setHeader('Idempotent-Replayed', 'true');
    return answer.body ?? answer.redactedBody;
  }
}
