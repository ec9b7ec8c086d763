import {
  CreateAuthorizationCommand,
  DeleteAuthorizationCommand,
  GetAuthorizationQuery,
  ListAuthorizationsQuery,
  TenantCaller,
  UpdateAuthorizationCommand,
} from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import {
  CreateAuthorizationRequest,
  ListAuthorizationsParams,
  UpdateAuthorizationRequest,
} from './dto/authorization.request';
import {
  AuthorizationResponse,
  authorizationResponse,
  AuthorizationsResponse,
  authorizationsResponse,
} from './dto/authorization.response';

@Controller('api/v2/authorizations')
@UseGuards(TenantAuthGuard)
export class AuthorizationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(
    @Caller() caller: TenantCaller,
    @Query() params: ListAuthorizationsParams,
  ): Promise<AuthorizationsResponse> {
    const filter = { userId: params.userID, userName: params.user, orgId: params.orgID, orgName: params.org };
    return authorizationsResponse(await this.queries.execute(new ListAuthorizationsQuery(caller, filter)), {
      ...params,
    });
  }

  @Post()
  @HttpCode(201)
  async create(
    @Caller() caller: TenantCaller,
    @Body() body: CreateAuthorizationRequest,
  ): Promise<AuthorizationResponse> {
    const { authorization, token } = await this.commands.execute(new CreateAuthorizationCommand(caller, body));
    return authorizationResponse(authorization, token);
  }

  @Get(':authID')
  async get(@Caller() caller: TenantCaller, @Param('authID') authId: string): Promise<AuthorizationResponse> {
    return authorizationResponse(await this.queries.execute(new GetAuthorizationQuery(caller, authId)));
  }

  @Patch(':authID')
  async update(
    @Caller() caller: TenantCaller,
    @Param('authID') authId: string,
    @Body() body: UpdateAuthorizationRequest,
  ): Promise<AuthorizationResponse> {
    const changes = { status: body.status, description: body.description };
    return authorizationResponse(await this.commands.execute(new UpdateAuthorizationCommand(caller, authId, changes)));
  }

  @Delete(':authID')
  @HttpCode(204)
  async remove(@Caller() caller: TenantCaller, @Param('authID') authId: string): Promise<void> {
    await this.commands.execute(new DeleteAuthorizationCommand(caller, authId));
  }
}
