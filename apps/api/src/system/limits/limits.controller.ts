import {
  GetInstanceLimitsQuery,
  GetInstanceQuery,
  InstanceLimits,
  InstanceView,
  SetInstanceLimitsCommand,
} from '@app/domain';
import { Body, Controller, Delete, Get, Param, Put, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { DetailsJson, detailsJson } from '../protojson';

export class LimitsRequest {
  @IsOptional() @IsBoolean() block?: boolean;
  @IsOptional() @IsInt() @Min(0) maxUsers?: number | null;
  @IsOptional() @IsInt() @Min(0) maxOrgs?: number | null;
  @IsOptional() @IsInt() @Min(0) maxBuckets?: number | null;
}

/** Our own GET answer (not a ZITADEL method): the limits in force. */
export const limitsJson = (l: InstanceLimits) => ({
  limits: { block: l.block, maxUsers: l.maxUsers, maxOrgs: l.maxOrgs, maxBuckets: l.maxBuckets },
});

/** ZITADEL's `SetLimitsResponse` / `ResetLimitsResponse`: details only, so strict protobuf clients parse them. */
export const limitsChangedJson = (instance: InstanceView): { details: DetailsJson } => ({
  details: detailsJson(instance.details),
});

/** Instance limits: `block` stops every tenant request (429); the max* quotas are enforced by the tenant API (403). */
@Controller('system/v1/instances/:instanceId/limits')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class LimitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async get(@Param('instanceId') instanceId: string) {
    return limitsJson(await this.queries.execute(new GetInstanceLimitsQuery(instanceId)));
  }

  @Put()
  async set(@Param('instanceId') instanceId: string, @Body() body: LimitsRequest) {
    await this.commands.execute(new SetInstanceLimitsCommand(instanceId, body));
    return limitsChangedJson(await this.queries.execute(new GetInstanceQuery(instanceId)));
  }

  @Delete()
  async reset(@Param('instanceId') instanceId: string) {
    await this.commands.execute(new SetInstanceLimitsCommand(instanceId, null));
    return limitsChangedJson(await this.queries.execute(new GetInstanceQuery(instanceId)));
  }
}
