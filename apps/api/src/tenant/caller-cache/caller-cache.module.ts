import { QuotaRepository, TenantAuthRepository } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { PgInstanceAccessChanges } from '@app/persistence';
import {
  Injectable,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';

import { CachedQuotaRepository } from './cached-quota.repository';
import { CachedTenantAuthRepository } from './cached-tenant-auth.repository';
import { EvictBeforeAnswerMiddleware } from './evict-before-answer.middleware';
import { InstanceScopedCache } from './instance-scoped-cache';

/** Connects the cache to the database's change notifications: it serves only while they are heard. */
@Injectable()
class CallerCacheInvalidation implements OnApplicationBootstrap {
  constructor(
    private readonly cache: InstanceScopedCache,
    private readonly changes: PgInstanceAccessChanges,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.authCacheTtlMs === 0) return;
    this.changes.observe({
      listening: () => this.cache.setServing(true),
      deaf: () => this.cache.setServing(false),
      changed: (instanceId) => this.cache.evictInstance(instanceId),
    });
  }
}

/**
 * The API's cache of what resolving a tenant caller reads (AUTH_CACHE_TTL_MS, AUTH_CACHE_MAX_ENTRIES). The cached
 * ports are exported under their own classes; ApiModule puts them in place of the database ports with
 * `cachedPorts`, so that only the API's handlers see them (the worker never caches).
 */
@Module({
  providers: [
    PgInstanceAccessChanges,
    {
      provide: InstanceScopedCache,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new InstanceScopedCache({ ttlMs: config.authCacheTtlMs, maxEntries: config.authCacheMaxEntries }),
    },
    CallerCacheInvalidation,
    {
      // Resolved here, the database port is the global one from PersistenceModule.
      provide: CachedTenantAuthRepository,
      inject: [TenantAuthRepository, InstanceScopedCache],
      useFactory: (inner: TenantAuthRepository, cache: InstanceScopedCache) =>
        new CachedTenantAuthRepository(inner, cache),
    },
    {
      provide: CachedQuotaRepository,
      inject: [QuotaRepository, InstanceScopedCache],
      useFactory: (inner: QuotaRepository, cache: InstanceScopedCache) => new CachedQuotaRepository(inner, cache),
    },
  ],
  exports: [InstanceScopedCache, PgInstanceAccessChanges, CachedTenantAuthRepository, CachedQuotaRepository],
})
export class CallerCacheModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(EvictBeforeAnswerMiddleware).forRoutes('*');
  }
}

/** For ApiModule's own providers: its query and command handlers get the cached ports. */
export const cachedPorts: Provider[] = [
  { provide: TenantAuthRepository, useExisting: CachedTenantAuthRepository },
  { provide: QuotaRepository, useExisting: CachedQuotaRepository },
];
