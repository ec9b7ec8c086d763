import {
  CancelOperationCommand,
  DomainError,
  GetOperationQuery,
  isId,
  isTerminal,
  ListOperationsQuery,
  OperationChanges,
  OperationChangeSignal,
  OperationView,
} from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { SystemCaller } from '../auth/system-caller.decorator';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { ListOperationsParams, waitMillis, WaitParams } from './dto/list-operations.request';
import { OperationResponse, operationResponse } from './dto/operation.response';

const EVENT_STREAM_MAX_MS = 10 * 60_000;

@Controller('system/v1/operations')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class OperationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly changes: OperationChanges,
    private readonly config: AppConfig,
  ) {}

  /** Newest first; operations are kept 30 days. Secrets are never listed. */
  @Get()
  async list(@Query() params: ListOperationsParams) {
    const page = await this.queries.execute(new ListOperationsQuery(params));
    return {
      operations: page.operations.map((operation) => operationResponse({ operation, secrets: null })),
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    };
  }

  @Get(':operationId')
  get(@Param('operationId') operationId: string, @SystemCaller() caller: string): Promise<OperationResponse> {
    return this.read(operationId, caller, 0);
  }

  /** Answers when the operation is finished or when the timeout (default 30s, at most 5m) has passed. */
  @Get(':operationId/_wait')
  wait(
    @Param('operationId') operationId: string,
    @SystemCaller() caller: string,
    @Query() params: WaitParams,
  ): Promise<OperationResponse> {
    return this.read(operationId, caller, waitMillis(params.timeout));
  }

  @Post(':operationId/_cancel')
  @HttpCode(200)
  async cancel(
    @Param('operationId') operationId: string,
    @SystemCaller() caller: string,
  ): Promise<OperationResponse & { cancelRequested: boolean }> {
    const outcome = await this.commands.execute(new CancelOperationCommand(operationId));
    return { ...(await this.read(operationId, caller, 0)), cancelRequested: outcome !== 'finished' };
  }

  /**
   * Server-Sent Events: one `progress` event per change of the operation, the last one when it is finished. Each
   * change notification wakes the stream; the slow fallback poll covers notifications lost while PostgreSQL's
   * listening connection is down.
   */
  @Get(':operationId/events')
  async events(
    @Param('operationId') operationId: string,
    @SystemCaller() caller: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!isId(operationId)) throw DomainError.notFound(`operation ${operationId} not found`);
    const signal = new OperationChangeSignal(this.changes, operationId);
    let view: OperationView;
    try {
      view = await this.view(operationId, caller, 0);
    } catch (error) {
      signal.close();
      throw error;
    }
    res.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    let closed = false;
    req.on('close', () => {
      closed = true;
      signal.close();
    });
    const deadline = Date.now() + EVENT_STREAM_MAX_MS;
    let last = '';
    for (;;) {
      const data = JSON.stringify(operationResponse({ operation: view.operation, secrets: null }));
      if (data !== last) {
        res.write(`event: progress\nid: ${view.operation.id}-${Date.now()}\ndata: ${data}\n\n`);
        last = data;
      }
      if (closed || isTerminal(view.operation.state) || Date.now() > deadline) break;
      await signal.next(this.config.operationWaitFallbackMs);
      view = await this.view(operationId, caller, 0);
    }
    signal.close();
    res.end();
  }

  private async read(operationId: string, caller: string, waitMs: number): Promise<OperationResponse> {
    return operationResponse(await this.view(operationId, caller, waitMs));
  }

  private view(operationId: string, caller: string, waitMs: number): Promise<OperationView> {
    if (!isId(operationId)) throw DomainError.notFound(`operation ${operationId} not found`);
    return this.queries.execute(new GetOperationQuery(operationId, caller, waitMs));
  }
}
