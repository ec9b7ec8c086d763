import { Body, Controller, Delete, Get, Param, Put, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { GetInstanceLimitsQuery, InstanceLimits, SetInstanceLimitsCommand } from '@app/domain';
import { SystemAuthGuard } from '../auth/system-auth.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

export class LimitsRequest {
  @IsOptional() @IsBoolean() block?: boolean;
  @IsOptional() @IsInt() @Min(0) maxUsers?: number | null;
  @IsOptional() @IsInt() @Min(0) maxOrgs?: number | null;
  @IsOptional() @IsInt() @Min(0) maxBuckets?: number | null;
}

const limitsJson = (l: InstanceLimits) => ({ limits: { block: l.block, maxUsers: l.maxUsers, maxOrgs: l.maxOrgs, maxBuckets: l.maxBuckets } });

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
    return limitsJson(await this.queries.execute(new GetInstanceLimitsQuery(instanceId)));
  }

  @Delete()
  async reset(@Param('instanceId') instanceId: string) {
    await this.commands.execute(new SetInstanceLimitsCommand(instanceId, null));
    return limitsJson(await this.queries.execute(new GetInstanceLimitsQuery(instanceId)));
  }
}
