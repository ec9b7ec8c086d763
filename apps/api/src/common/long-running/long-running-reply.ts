import { GetOperationQuery, type Id, type Operation, OperationState, type OperationView } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';

import { failureError } from './operation-failure-error';

/** RFC 7240: `Prefer: respond-async` asks for 202 at once instead of waiting. */
function prefersAsync(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((p) => p.trim().toLowerCase() === 'respond-async');
}

const RETRY_AFTER_SECONDS = 1;

/** An operation a request has just started, and what the request asked of the answer. */
export interface StartedOperation {
  readonly operationId: Id;
  /** Who may read it (the System API caller, or the digest of a setup's claim): results with secrets go only to it. */
  readonly reader: string;
  /** The request's `Prefer` header. */
  readonly prefer: string | undefined;
  readonly res: Response;
  /**
   * The operation as the request stored it, when the request created it: with `Prefer: respond-async` the 202 is
   * built from it, without reading the row back (a third of an async create's database round trips).
   */
  readonly reserved?: Operation;
}

/** The 202 while the operation still runs: where to poll it (the id is appended) and the body. */
export interface PendingReply<P> {
  readonly location: string;
  readonly body: (view: OperationView) => P;
}

/**
 * The answer of every long-running REST call (`_create`, AddInstance, DELETE instance, tenant setup): waits for the
 * operation up to SYNC_WAIT_SECONDS (not at all with `Prefer: respond-async`), then answers the finished result as
 * the reference API does, a failure as its error, or 202 with the operation, its Location and Retry-After while it
 * still runs. gRPC waits the same way but has no 202 (see finishedOperation in system/grpc).
 */
@Injectable()
export class LongRunningReply {
  constructor(
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  async answer<T, P>(
    started: StartedOperation,
    finished: (view: OperationView) => T,
    pending: PendingReply<P>,
  ): Promise<T | P> {
    const async = prefersAsync(started.prefer);
    const view: OperationView =
      async && started.reserved
        ? { operation: started.reserved, secrets: null }
        : await this.queries.execute(
            new GetOperationQuery(started.operationId, started.reader, async ? 0 : this.config.syncWaitSeconds * 1000),
          );
    const { operation } = view;
    if (operation.state === OperationState.Succeeded) return finished(view);
    if (operation.failure) throw failureError(operation.id, operation.failure);
    started.res.status(202);
    started.res.setHeader('Location', `${pending.location}/${operation.id}`);
    started.res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return pending.body(view);
  }
}
