import {
  CreateOrgCommand,
  DeleteOrgCommand,
  GetOrgQuery,
  ListOrgsQuery,
  TenantCaller,
  UpdateOrgCommand,
} from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { CreateOrgRequest, ListOrgsParams, UpdateOrgRequest } from './dto/org.request';
import { OrgResponse, orgResponse, OrgsResponse, orgsResponse } from './dto/org.response';

@Controller('api/v2/orgs')
@UseGuards(TenantAuthGuard)
export class OrgsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(@Caller() caller: TenantCaller, @Query() params: ListOrgsParams): Promise<OrgsResponse> {
    const filter = { name: params.org, id: params.orgID, userId: params.userID };
    const page = { offset: params.offset, limit: params.limit, descending: params.descending };
    return orgsResponse(await this.queries.execute(new ListOrgsQuery(caller, filter, page)), params);
  }

  @Post()
  @HttpCode(201)
  async create(@Caller() caller: TenantCaller, @Body() body: CreateOrgRequest): Promise<OrgResponse> {
    return orgResponse(await this.commands.execute(new CreateOrgCommand(caller, body.name, body.description)));
  }

  @Get(':orgID')
  async get(@Caller() caller: TenantCaller, @Param('orgID') orgId: string): Promise<OrgResponse> {
    return orgResponse(await this.queries.execute(new GetOrgQuery(caller, orgId)));
  }

  @Patch(':orgID')
  async update(
    @Caller() caller: TenantCaller,
    @Param('orgID') orgId: string,
    @Body() body: UpdateOrgRequest,
  ): Promise<OrgResponse> {
    return orgResponse(
      await this.commands.execute(
        new UpdateOrgCommand(caller, orgId, { name: body.name, description: body.description }),
      ),
    );
  }

  @Delete(':orgID')
  @HttpCode(204)
  async remove(@Caller() caller: TenantCaller, @Param('orgID') orgId: string): Promise<void> {
    await this.commands.execute(new DeleteOrgCommand(caller, orgId));
  }
}
