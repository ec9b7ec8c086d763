import {
  BasicCredentials,
  CreateUserCommand,
  DeleteUserCommand,
  GetUserQuery,
  ListUsersQuery,
  SetUserPasswordCommand,
  TenantCaller,
  UpdateUserCommand,
} from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Basic } from '../common/basic-credentials.decorator';
import { Caller } from '../common/caller.decorator';
import { ClientAddress } from '../common/client-address.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { CreateUserRequest, ListUsersParamsDto, PasswordRequest, UpdateUserRequest } from './dto/user.request';
import { UserResponse, userResponse, usersResponse } from './dto/user.response';

@Controller('api/v2/users')
@UseGuards(TenantAuthGuard)
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async list(@Caller() caller: TenantCaller, @Query() params: ListUsersParamsDto) {
    return usersResponse(await this.queries.execute(new ListUsersQuery(caller, params)));
  }

  @Post()
  @HttpCode(201)
  async create(@Caller() caller: TenantCaller, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return userResponse(await this.commands.execute(new CreateUserCommand(caller, body)));
  }

  @Get(':userID')
  async get(@Caller() caller: TenantCaller, @Param('userID') userId: string): Promise<UserResponse> {
    return userResponse(await this.queries.execute(new GetUserQuery(caller, userId)));
  }

  @Patch(':userID')
  async update(
    @Caller() caller: TenantCaller,
    @Param('userID') userId: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return userResponse(await this.commands.execute(new UpdateUserCommand(caller, userId, body)));
  }

  @Delete(':userID')
  @HttpCode(204)
  async remove(@Caller() caller: TenantCaller, @Param('userID') userId: string): Promise<void> {
    await this.commands.execute(new DeleteUserCommand(caller, userId));
  }

  @Post(':userID/password')
  @HttpCode(204)
  async postPassword(
    @Caller() caller: TenantCaller,
    @Param('userID') userId: string,
    @Body() body: PasswordRequest,
    @Basic() basic: BasicCredentials | null,
    @ClientAddress() from: string,
  ): Promise<void> {
    await this.commands.execute(new SetUserPasswordCommand(caller, userId, body.password, basic, from));
  }

  @Put(':userID/password')
  @HttpCode(204)
  async putPassword(
    @Caller() caller: TenantCaller,
    @Param('userID') userId: string,
    @Body() body: PasswordRequest,
    @Basic() basic: BasicCredentials | null,
    @ClientAddress() from: string,
  ): Promise<void> {
    await this.commands.execute(new SetUserPasswordCommand(caller, userId, body.password, basic, from));
  }
}
