import {
  CreateWebhookCommand,
  DEFAULT_DELIVERY_LIMIT,
  DeleteWebhookCommand,
  GetWebhookQuery,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
} from '@app/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { SystemCaller } from '../auth/system-caller.decorator';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { CreateWebhookRequest, ListDeliveriesRequest } from './dto/create-webhook.request';
import { createWebhookResponse, deliveryJson, webhookJson } from './dto/webhook.response';

/** Standard Webhooks for System API events; the signing secret is answered once, at creation. */
@Controller('system/v1/webhooks')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateWebhookRequest, @SystemCaller() caller: string) {
    return createWebhookResponse(await this.commands.execute(new CreateWebhookCommand(body, caller)));
  }

  @Get()
  async list() {
    return { result: (await this.queries.execute(new ListWebhooksQuery())).map(webhookJson) };
  }

  @Get(':webhookId')
  async get(@Param('webhookId') webhookId: string) {
    return { webhook: webhookJson(await this.queries.execute(new GetWebhookQuery(webhookId))) };
  }

  @Delete(':webhookId')
  async remove(@Param('webhookId') webhookId: string) {
    await this.commands.execute(new DeleteWebhookCommand(webhookId));
    return {};
  }

  @Get(':webhookId/deliveries')
  async deliveries(@Param('webhookId') webhookId: string, @Query() query: ListDeliveriesRequest) {
    const limit = query.limit === undefined ? DEFAULT_DELIVERY_LIMIT : Number(query.limit);
    return { result: (await this.queries.execute(new ListWebhookDeliveriesQuery(webhookId, limit))).map(deliveryJson) };
  }
}
