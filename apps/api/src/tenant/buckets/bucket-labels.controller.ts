import { AddBucketLabelCommand, ListBucketLabelsQuery, RemoveBucketLabelCommand, TenantCaller } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { LabelMappingRequest } from '../labels/dto/label.request';
import { labelResponse, labelsResponse } from '../labels/dto/label.response';

@Controller('api/v2/buckets/:bucketID/labels')
@UseGuards(TenantAuthGuard)
export class BucketLabelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string) {
    return labelsResponse(
      await this.queries.execute(new ListBucketLabelsQuery(caller, bucketId)),
      `/api/v2/buckets/${bucketId}/labels`,
    );
  }

  @Post()
  @HttpCode(201)
  async add(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string, @Body() body: LabelMappingRequest) {
    return labelResponse(await this.commands.execute(new AddBucketLabelCommand(caller, bucketId, body.labelID)));
  }

  @Delete(':labelID')
  @HttpCode(204)
  async remove(
    @Caller() caller: TenantCaller,
    @Param('bucketID') bucketId: string,
    @Param('labelID') labelId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveBucketLabelCommand(caller, bucketId, labelId));
  }
}
