import {
  CreateInstanceCommand,
  GetInstanceQuery,
  GetOperationQuery,
  RemoveInstanceCommand,
  RenameInstanceCommand,
  SearchInstancesQuery,
} from '@app/domain';
import { AppConfig } from '@app/persistence';
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

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { SystemCaller } from '../auth/system-caller.decorator';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { prefersAsync, respondToOperation } from '../operations/operation-responder';
import { detailsJson } from '../protojson';
import { AddInstanceRequest, createInstanceInputFrom } from './dto/add-instance.request';
import { CreateInstanceRequest } from './dto/create-instance.request';
import { createInstanceResponse } from './dto/create-instance.response';
import { GetInstanceResponse, getInstanceResponse } from './dto/instance.response';
import { RenameInstanceRequest, SearchInstancesRequest } from './dto/search-instances.request';
import { instanceSearchFrom, searchInstancesResponse } from './dto/search-instances.response';

@Controller('system/v1/instances')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class InstancesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  @Post('_create')
  @HttpCode(200)
  async create(
    @Body() body: CreateInstanceRequest,
    @SystemCaller() caller: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { operationId } = await this.commands.execute(new CreateInstanceCommand(body, caller));
    const waitMs = prefersAsync(prefer) ? 0 : this.config.syncWaitSeconds * 1000;
    const view = await this.queries.execute(new GetOperationQuery(operationId, caller, waitMs));
    return respondToOperation(view, res, createInstanceResponse);
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
    const { operationId } = await this.commands.execute(
      new CreateInstanceCommand(createInstanceInputFrom(body), caller),
    );
    const waitMs = prefersAsync(prefer) ? 0 : this.config.syncWaitSeconds * 1000;
    const view = await this.queries.execute(new GetOperationQuery(operationId, caller, waitMs));
    return respondToOperation(view, res, (done) => {
      const { instanceId, details } = createInstanceResponse(done);
      return { instanceId, details };
    });
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
    const waitMs = prefersAsync(prefer) ? 0 : this.config.syncWaitSeconds * 1000;
    const view = await this.queries.execute(new GetOperationQuery(operationId, caller, waitMs));
    return respondToOperation(view, res, (done) => ({ details: detailsJson(done.operation.outcome!.details) }));
  }

  @Get(':instanceId')
  async get(@Param('instanceId') instanceId: string): Promise<GetInstanceResponse> {
    return getInstanceResponse(await this.queries.execute(new GetInstanceQuery(instanceId)));
  }
}
