import {
  AddBucketMemberCommand,
  BucketRole,
  ListBucketMembersQuery,
  RemoveBucketMemberCommand,
  TenantCaller,
} from '@app/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { AddBucketMemberRequest } from './dto/bucket-member.request';
import { bucketMemberJson, bucketMembersJson } from './dto/bucket-member.response';

/** `/members` and `/owners` of a bucket: one resource mapping with two roles. */
@Controller('api/v2/buckets/:bucketID')
@UseGuards(TenantAuthGuard)
export class BucketMembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('members')
  listMembers(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string) {
    return this.list(caller, bucketId, 'member');
  }

  @Get('owners')
  listOwners(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string) {
    return this.list(caller, bucketId, 'owner');
  }

  @Post('members')
  @HttpCode(201)
  addMember(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string, @Body() body: AddBucketMemberRequest) {
    return this.add(caller, bucketId, body, 'member');
  }

  @Post('owners')
  @HttpCode(201)
  addOwner(@Caller() caller: TenantCaller, @Param('bucketID') bucketId: string, @Body() body: AddBucketMemberRequest) {
    return this.add(caller, bucketId, body, 'owner');
  }

  @Delete('members/:userID')
  @HttpCode(204)
  async removeMember(
    @Caller() caller: TenantCaller,
    @Param('bucketID') bucketId: string,
    @Param('userID') userId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveBucketMemberCommand(caller, bucketId, userId, 'member'));
  }

  @Delete('owners/:userID')
  @HttpCode(204)
  async removeOwner(
    @Caller() caller: TenantCaller,
    @Param('bucketID') bucketId: string,
    @Param('userID') userId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveBucketMemberCommand(caller, bucketId, userId, 'owner'));
  }

  private async list(caller: TenantCaller, bucketId: string, role: BucketRole) {
    const members = await this.queries.execute(new ListBucketMembersQuery(caller, bucketId, role));
    return bucketMembersJson(members, `/api/v2/buckets/${bucketId}/${role}s`);
  }

  private async add(caller: TenantCaller, bucketId: string, body: AddBucketMemberRequest, role: BucketRole) {
    return bucketMemberJson(await this.commands.execute(new AddBucketMemberCommand(caller, bucketId, body.id, role)));
  }
}
