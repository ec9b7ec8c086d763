import { AddOrgMemberCommand, ListOrgMembersQuery, OrgRole, RemoveOrgMemberCommand, TenantCaller } from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { AddOrgMemberRequest } from './dto/org.request';
import { OrgMemberResponse, orgMemberResponse, orgMembersResponse } from './dto/org.response';

/** `/api/v2/orgs/{orgID}/members` and `/owners`: the same use cases with the route's role. */
@Controller('api/v2/orgs/:orgID')
@UseGuards(TenantAuthGuard)
export class OrgMembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('members')
  list(@Caller() caller: TenantCaller, @Param('orgID') orgId: string) {
    return this.listRole(caller, orgId, 'member');
  }

  @Get('owners')
  listOwners(@Caller() caller: TenantCaller, @Param('orgID') orgId: string) {
    return this.listRole(caller, orgId, 'owner');
  }

  @Post('members')
  @HttpCode(201)
  add(@Caller() caller: TenantCaller, @Param('orgID') orgId: string, @Body() body: AddOrgMemberRequest) {
    return this.addRole(caller, orgId, body, 'member');
  }

  @Post('owners')
  @HttpCode(201)
  addOwner(@Caller() caller: TenantCaller, @Param('orgID') orgId: string, @Body() body: AddOrgMemberRequest) {
    return this.addRole(caller, orgId, body, 'owner');
  }

  @Delete('members/:userID')
  @HttpCode(204)
  async remove(
    @Caller() caller: TenantCaller,
    @Param('orgID') orgId: string,
    @Param('userID') userId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveOrgMemberCommand(caller, orgId, userId, 'member'));
  }

  @Delete('owners/:userID')
  @HttpCode(204)
  async removeOwner(
    @Caller() caller: TenantCaller,
    @Param('orgID') orgId: string,
    @Param('userID') userId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveOrgMemberCommand(caller, orgId, userId, 'owner'));
  }

  private async listRole(caller: TenantCaller, orgId: string, role: OrgRole) {
    const members = await this.queries.execute(new ListOrgMembersQuery(caller, orgId, role));
    return orgMembersResponse(members, `/api/v2/orgs/${orgId}/${role}s`);
  }

  private async addRole(
    caller: TenantCaller,
    orgId: string,
    body: AddOrgMemberRequest,
    role: OrgRole,
  ): Promise<OrgMemberResponse> {
    return orgMemberResponse(await this.commands.execute(new AddOrgMemberCommand(caller, orgId, body.id, role)));
  }
}
