import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketQuery,
  ListBucketsQuery,
  TenantCaller,
  UpdateBucketCommand,
} from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { CreateBucketRequest, ListBucketsParamsDto, UpdateBucketRequest } from './dto/bucket.request';
import { BucketResponse, bucketResponse, BucketsResponse, bucketsResponse } from './dto/bucket.response';

@Controller('api/v2/buckets')
@UseGuards(TenantAuthGuard)
export class BucketsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(@Caller() caller: TenantCaller, @Query() params: ListBucketsParamsDto): Promise<BucketsResponse> {
    return bucketsResponse(await this.queries.execute(new ListBucketsQuery(caller, params)), params);
  }

  @Post()
  @HttpCode(201)
  async create(@Caller() caller: TenantCaller, @Body() body: CreateBucketRequest): Promise<BucketResponse> {
    return bucketResponse(await this.commands.execute(new CreateBucketCommand(caller, body)));
  }

  @Get(':bucketID')
  async get(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string): Promise<BucketResponse> {
    return bucketResponse(await this.queries.execute(new GetBucketQuery(caller, bucketId)));
  }

  @Patch(':bucketID')
  async update(
    @Caller() caller: TenantCaller,
    @Param('bucketID') bucketId: string,
    @Body() body: UpdateBucketRequest,
  ): Promise<BucketResponse> {
    return bucketResponse(await this.commands.execute(new UpdateBucketCommand(caller, bucketId, body)));
  }

  @Delete(':bucketID')
  @HttpCode(204)
  async remove(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string): Promise<void> {
    await this.commands.execute(new DeleteBucketCommand(caller, bucketId));
  }
}
