import { DomainError, ErrorCode } from '@app/domain';
import { All, Controller, Module, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';

import { systemRouteOf } from './system-service';

/**
 * Registered after every real System API route (ApiModule imports it last): a request that reaches it addresses a
 * SystemService method nobody serves, which answers 12 Unimplemented as ZITADEL's clients expect, or no method at
 * all, which stays the router's 404. The methods come from @zitadel/proto's descriptors, so none is ever a 404.
 */
@ApiExcludeController()
@Controller('system/v1')
export class UnimplementedMethodsController {
  @All('*path')
  notImplemented(@Req() request: Request): never {
    const route = systemRouteOf(request.method, request.path);
    if (!route) throw DomainError.notFound(`Cannot ${request.method} ${request.path}`);
    throw new DomainError(
      ErrorCode.Unimplemented,
      `${route.method.parent.typeName}.${route.method.name} is not implemented by this service: it provisions and manages instances (instances, domains, members, limits); ZITADEL's internals (views, failed events, features, usage) do not exist here`,
    );
  }
}

@Module({ controllers: [UnimplementedMethodsController] })
export class UnimplementedMethodsModule {}
