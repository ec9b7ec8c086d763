import { apiCommandHandlers, queryHandlers, quotaApiCommandHandlers } from '@app/domain';
import { AppConfigModule, LoggingModule, shutdownLog } from '@app/infrastructure';
import { PersistenceModule } from '@app/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { DestinationStream } from 'pino';

import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { OAuthModule } from './oauth/oauth.module';
import { MetricsModule } from './observability/metrics.module';
import { SystemGrpcModule } from './system/grpc/system-grpc.module';
import { InstancesModule } from './system/instances/instances.module';
import { OperationsModule } from './system/operations/operations.module';
import { QuotasModule } from './system/quotas/quotas.module';
import { WebhooksModule } from './system/webhooks/webhooks.module';
import { UnimplementedMethodsModule } from './system/zitadel/unimplemented-methods.controller';
import { AuthorizationsModule } from './tenant/authorizations/authorizations.module';
import { BucketsModule } from './tenant/buckets/buckets.module';
import { cachedPorts, CallerCacheModule } from './tenant/caller-cache/caller-cache.module';
import { LabelsModule } from './tenant/labels/labels.module';
import { MeModule } from './tenant/me/me.module';
import { OrgsModule } from './tenant/orgs/orgs.module';
import { SessionsModule } from './tenant/sessions/sessions.module';
import { SetupModule } from './tenant/setup/setup.module';
import { UnservedRoutesModule } from './tenant/unserved/unserved-routes.controller';
import { UsersModule } from './tenant/users/users.module';

export interface ApiModuleOptions {
  /** Configuration that wins over process.env (tests). */
  config?: Record<string, string>;
  /** Where JSON logs go; stdout when absent. */
  logDestination?: DestinationStream;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(options.config),
        LoggingModule.forRoot(options.logDestination),
        PersistenceModule,
        CqrsModule.forRoot(),
        CallerCacheModule,
        HealthModule,
        MetricsModule,
        // Before InstancesModule: PUT instances/limits/_bulk must not be taken by an instances/:instanceId route.
        QuotasModule,
        InstancesModule,
        OperationsModule,
        SetupModule,
        BucketsModule,
        LabelsModule,
        UsersModule,
        MeModule,
        SessionsModule,
        OrgsModule,
        AuthorizationsModule,
        WebhooksModule,
        UnservedRoutesModule,
        OAuthModule,
        SystemGrpcModule,
        ConsoleModule,
        // last: its catch-all must come after every System API route
        UnimplementedMethodsModule,
      ],
      providers: [
        ...apiCommandHandlers,
        ...quotaApiCommandHandlers,
        ...queryHandlers,
        // The handlers above read callers and request quotas through the cache (see CallerCacheModule).
        ...cachedPorts,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        shutdownLog('API', 'finishing the requests in flight'),
      ],
    };
  }
}
