import { DomainError } from '@app/domain';
import { All, Controller, Module, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';

/**
 * Routes of a full InfluxDB that InfluxDB's contract makes orgs and buckets link to (`links.write`, `tasks`,
 * `dashboards`, `secrets`, `labels`), plus `/api/v2/query`, which clients reach for next. This service only
 * provisions instances and manages their users, orgs, tokens, buckets and labels, so it answers them with a 404
 * that says so, whoever asks (README.md, API overview). Left out of the OpenAPI document: they are not served.
 */
export const UNSERVED_INFLUXDB_ROUTES = [
  'write',
  'query{/*rest}',
  'tasks{/*rest}',
  'dashboards{/*rest}',
  'orgs/:orgID/secrets{/*rest}',
  'orgs/:orgID/labels{/*rest}',
];

@ApiExcludeController()
@Controller('api/v2')
export class UnservedRoutesController {
  @All(UNSERVED_INFLUXDB_ROUTES)
  notServed(@Req() request: Request): never {
    throw DomainError.notFound(
      `${request.method} ${request.path} is not served by this service: it manages instances, users, orgs, authorizations, buckets and labels only (no writes, queries, tasks, dashboards or secrets)`,
    );
  }
}

@Module({ controllers: [UnservedRoutesController] })
export class UnservedRoutesModule {}
