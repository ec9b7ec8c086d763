import {
  CreateLabelCommand,
  DeleteLabelCommand,
  GetLabelQuery,
  ListLabelsQuery,
  TenantCaller,
  UpdateLabelCommand,
} from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { CreateLabelRequest, ListLabelsParams, UpdateLabelRequest } from './dto/label.request';
import { labelResponse, labelsResponse } from './dto/label.response';

@Controller('api/v2/labels')
@UseGuards(TenantAuthGuard)
export class LabelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(@Caller() caller: TenantCaller, @Query() params: ListLabelsParams) {
    return labelsResponse(await this.queries.execute(new ListLabelsQuery(caller, params)), '/api/v2/labels');
  }

  @Post()
  @HttpCode(201)
  async create(@Caller() caller: TenantCaller, @Body() body: CreateLabelRequest) {
    return labelResponse(await this.commands.execute(new CreateLabelCommand(caller, body)));
  }

  @Get(':labelID')
  async get(@Caller() caller: TenantCaller, @Param('labelID') labelId: string) {
    return labelResponse(await this.queries.execute(new GetLabelQuery(caller, labelId)));
  }

  @Patch(':labelID')
  async update(@Caller() caller: TenantCaller, @Param('labelID') labelId: string, @Body() body: UpdateLabelRequest) {
    return labelResponse(await this.commands.execute(new UpdateLabelCommand(caller, labelId, body)));
  }

  @Delete(':labelID')
  @HttpCode(204)
  async remove(@Caller() caller: TenantCaller, @Param('labelID') labelId: string): Promise<void> {
    await this.commands.execute(new DeleteLabelCommand(caller, labelId));
  }
}
