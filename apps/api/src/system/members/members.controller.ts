import { InstanceMemberView, ListInstanceMembersQuery } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { detailsJson } from '../protojson';
import { ListMembersRequest, memberSearchFrom } from './dto/list-members.request';

/** protojson of `zitadel.member.v1.Member`. */
export function toMember(m: InstanceMemberView) {
  return {
    userId: m.userId,
    details: detailsJson(m.details),
    roles: [...m.roles],
    preferredLoginName: m.userName,
    email: m.email,
    firstName: m.firstName,
    lastName: m.lastName,
    displayName: m.displayName,
    userType: m.kind === 'machine' ? 'TYPE_MACHINE' : 'TYPE_HUMAN',
  };
}

/** protojson of `ListIAMMembersResponse`. */
export function listMembersResponse(result: { total: number; members: InstanceMemberView[] }): {
  details: { totalResult: string; viewTimestamp: string };
  result: ReturnType<typeof toMember>[];
} {
  return {
    details: { totalResult: String(result.total), viewTimestamp: new Date().toISOString() },
    result: result.members.map(toMember),
  };
}

/** ZITADEL's ListIAMMembers: the instance's owners (the tenant API's instance operators), role IAM_OWNER. */
@Controller('system/v1/instances/:instanceId/members')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class MembersController {
  constructor(private readonly queries: QueryBus) {}

  @Post('_search')
  @HttpCode(200)
  async search(@Param('instanceId') instanceId: string, @Body() body: ListMembersRequest) {
    return listMembersResponse(
      await this.queries.execute(new ListInstanceMembersQuery(instanceId, memberSearchFrom(body))),
    );
  }
}
