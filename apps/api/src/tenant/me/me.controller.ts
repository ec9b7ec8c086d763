import { BasicCredentials, ChangeMyPasswordCommand, GetMeQuery, TenantCaller } from '@app/domain';
import { Body, Controller, Get, HttpCode, Put, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Basic } from '../common/basic-credentials.decorator';
import { Caller } from '../common/caller.decorator';
import { ClientAddress } from '../common/client-address.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { PasswordRequest } from '../users/dto/user.request';
import { UserResponse, userResponse } from '../users/dto/user.response';

@Controller('api/v2/me')
@UseGuards(TenantAuthGuard)
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async get(@Caller() caller: TenantCaller): Promise<UserResponse> {
    return userResponse(await this.queries.execute(new GetMeQuery(caller)));
  }

  /** Needs the session cookie and `Authorization: Basic` with the user's name and old password. */
  @Put('password')
  @HttpCode(204)
  async changePassword(
    @Caller() caller: TenantCaller,
    @Basic() basic: BasicCredentials | null,
    @ClientAddress() from: string,
    @Body() body: PasswordRequest,
  ): Promise<void> {
    await this.commands.execute(new ChangeMyPasswordCommand(caller, basic, body.password, from));
  }
}
