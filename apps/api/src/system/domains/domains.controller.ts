import {
  AddInstanceDomainCommand,
  DomainExistsQuery,
  RemoveInstanceDomainCommand,
  SearchInstanceDomainsQuery,
  SetPrimaryDomainCommand,
} from '@app/domain';
import { Body, Controller, Delete, HttpCode, Param, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Transform } from 'class-transformer';
import { IsArray, IsOptional, IsString } from 'class-validator';

import { SystemAuthGuard } from '../auth/system-auth.guard';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { toDomain } from '../instances/dto/instance.response';
import { detailsJson } from '../protojson';

/** ZITADEL trims surrounding whitespace of domains. */
const trimmed = (domain: string) => domain.trim();

export class DomainRequest {
  @Transform(({ value }) => (typeof value === 'string' ? trimmed(value) : value)) @IsString() domain: string;
}

export class SearchDomainsRequest {
  @IsOptional() @IsArray() @IsString({ each: true }) domains?: string[];
}

/** ZITADEL's instance domain calls of the System API. */
@Controller('system/v1')
@UseGuards(SystemAuthGuard)
@UseInterceptors(IdempotencyInterceptor)
export class DomainsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('instances/:instanceId/domains/_search')
  @HttpCode(200)
  async search(@Param('instanceId') instanceId: string, @Body() body: SearchDomainsRequest) {
    const domains = await this.queries.execute(new SearchInstanceDomainsQuery(instanceId, body.domains));
    return { details: { totalResult: String(domains.length) }, result: domains.map(toDomain) };
  }

  @Post('instances/:instanceId/domains')
  @HttpCode(200)
  async add(@Param('instanceId') instanceId: string, @Body() body: DomainRequest) {
    await this.commands.execute(new AddInstanceDomainCommand(instanceId, body.domain));
    return this.detailsOf(instanceId, body.domain);
  }

  @Delete('instances/:instanceId/domains/:domain')
  async remove(@Param('instanceId') instanceId: string, @Param('domain') domain: string) {
    await this.commands.execute(new RemoveInstanceDomainCommand(instanceId, trimmed(domain)));
    return { details: { changeDate: new Date().toISOString(), resourceOwner: instanceId } };
  }

  @Post('instances/:instanceId/domains/_set_primary')
  @HttpCode(200)
  async setPrimary(@Param('instanceId') instanceId: string, @Body() body: DomainRequest) {
    await this.commands.execute(new SetPrimaryDomainCommand(instanceId, body.domain));
    return this.detailsOf(instanceId, body.domain);
  }

  @Post('domains/:domain/_exists')
  @HttpCode(200)
  async exists(@Param('domain') domain: string) {
    return { exists: await this.queries.execute(new DomainExistsQuery(trimmed(domain))) };
  }

  private async detailsOf(instanceId: string, domain: string) {
    const [found] = await this.queries.execute(new SearchInstanceDomainsQuery(instanceId, [domain.toLowerCase()]));
    return { details: found ? detailsJson(found.details) : undefined };
  }
}
