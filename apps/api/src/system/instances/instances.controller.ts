import {
  CreateInstanceCommand,
  GetInstanceQuery,
  type OperationView,
  RemoveInstanceCommand,
  RenameInstanceCommand,
  SearchInstancesQuery,
} from '@app/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';

import { LongRunningReply, type PendingReply } from '../../common/long-running/long-running-reply';
import { SystemAuthGuard } from '../auth/system-auth.guard';
import { SystemCaller } from '../auth/system-caller.decorator';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { type OperationResponse, operationResponse } from '../operations/dto/operation.response';
import { detailsJson } from '../protojson';
import { AddInstanceRequest, createInstanceInputFrom } from './dto/add-instance.request';
import { CreateInstanceRequest } from './dto/create-instance.request';
import { createInstanceResponse } from './dto/create-instance.response';
import { GetInstanceResponse, getInstanceResponse } from './dto/instance.response';
import { RenameInstanceRequest, SearchInstancesRequest } from './dto/search-instances.request';
import { instanceSearchFrom, searchInstancesResponse } from './dto/search-instances.response';

/** While it runs, a System API operation is answered as itself, polled at GET /system/v1/operations/{id}. */
const OPERATION_PENDING: PendingReply<OperationResponse> = {
  location: '/system/v1/operations',
  body: operationResponse,
};

@Controller('system/v1/instances')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class InstancesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly longRunning: LongRunningReply,
  ) {}

  @Post('_create')
  @HttpCode(200)
  async create(
    @Body() body: CreateInstanceRequest,
    @SystemCaller() caller: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { operationId, operation } = await this.commands.execute(new CreateInstanceCommand(body, caller));
    const started = { operationId, reader: caller, prefer, res, reserved: operation };
    return this.longRunning.answer(started, createInstanceResponse, OPERATION_PENDING);
  }

  /** ZITADEL's deprecated AddInstance: a human owner only; answers `{instanceId, details}`. */
  @Post()
  @HttpCode(200)
  async add(
    @Body() body: AddInstanceRequest,
    @SystemCaller() caller: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { operationId, operation } = await this.commands.execute(
      new CreateInstanceCommand(createInstanceInputFrom(body), caller),
    );
    const started = { operationId, reader: caller, prefer, res, reserved: operation };
    return this.longRunning.answer(
      started,
      (done) => {
        const { instanceId, details } = createInstanceResponse(done);
        return { instanceId, details };
      },
      OPERATION_PENDING,
    );
  }

  @Post('_search')
  @HttpCode(200)
  async search(@Body() body: SearchInstancesRequest) {
    return searchInstancesResponse(await this.queries.execute(new SearchInstancesQuery(instanceSearchFrom(body))));
  }

  @Put(':instanceId')
  async rename(@Param('instanceId') instanceId: string, @Body() body: RenameInstanceRequest) {
    await this.commands.execute(new RenameInstanceCommand(instanceId, body.instanceName));
    return { details: (await this.queries.execute(new GetInstanceQuery(instanceId))).details };
  }

  /** Stops the instance at once; the worker then deletes its data. Waits like _create, or 202 with the operation. */
  @Delete(':instanceId')
  async remove(
    @Param('instanceId') instanceId: string,
    @SystemCaller() caller: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { operationId } = await this.commands.execute(new RemoveInstanceCommand(instanceId, caller));
    const started = { operationId, reader: caller, prefer, res };
    const removed = (done: OperationView) => ({ details: detailsJson(done.operation.outcome!.details) });
    return this.longRunning.answer(started, removed, OPERATION_PENDING);
  }

  @Get(':instanceId')
  async get(@Param('instanceId') instanceId: string): Promise<GetInstanceResponse> {
    return getInstanceResponse(await this.queries.execute(new GetInstanceQuery(instanceId)));
  }
}
