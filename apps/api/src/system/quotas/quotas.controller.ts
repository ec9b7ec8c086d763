import { AddQuotaCommand, RemoveQuotaCommand } from '@app/domain';
import { Body, Controller, Delete, HttpCode, Param, Post, Put, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { detailsJson } from '../protojson';
import { QuotaRequest } from './dto/quota.request';

/** ZITADEL's AddQuota, SetQuota and RemoveQuota; each answers `{details}`. */
@Controller('system/v1/instances/:instanceId/quotas')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class QuotasController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  async add(@Param('instanceId') instanceId: string, @Body() body: QuotaRequest) {
    return { details: detailsJson(await this.commands.execute(new AddQuotaCommand(instanceId, body, false))) };
  }

  @Put()
  async set(@Param('instanceId') instanceId: string, @Body() body: QuotaRequest) {
    return { details: detailsJson(await this.commands.execute(new AddQuotaCommand(instanceId, body, true))) };
  }

  @Delete(':unit')
  async remove(@Param('instanceId') instanceId: string, @Param('unit') unit: string) {
    return { details: detailsJson(await this.commands.execute(new RemoveQuotaCommand(instanceId, unit))) };
  }
}
