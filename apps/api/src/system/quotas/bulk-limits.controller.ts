import { BulkSetInstanceLimitsCommand } from '@app/domain';
import { Body, Controller, Put, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { detailsJson } from '../protojson';
import { BulkSetLimitsRequest } from './dto/quota.request';

/**
 * ZITADEL's BulkSetLimits. Its module is imported before the instances module, so that this route is registered
 * before any `instances/:instanceId...` route.
 */
@Controller('system/v1/instances/limits/_bulk')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class BulkLimitsController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  async bulkSet(@Body() body: BulkSetLimitsRequest) {
    const items = body.limits.map(({ instanceId, auditLogRetention, block, maxUsers, maxOrgs, maxBuckets }) => ({
      instanceId,
      auditLogRetention,
      limits: { block, maxUsers, maxOrgs, maxBuckets },
    }));
    const targets = await this.commands.execute(new BulkSetInstanceLimitsCommand(items));
    const latest = targets.reduce<(typeof targets)[number] | null>(
      (a, t) => (!a || BigInt(t.sequence) > BigInt(a.sequence) ? t : a),
      null,
    );
    // The bulk's own details, as ZITADEL's: the latest change, and no single resource owner.
    const details = latest
      ? { sequence: latest.sequence, changeDate: latest.changeDate.toISOString() }
      : { changeDate: new Date().toISOString() };
    return { details, targetDetails: targets.map(detailsJson) };
  }
}
