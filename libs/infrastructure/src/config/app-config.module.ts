import { ProvisioningSettings } from '@app/domain';
import { DynamicModule, Global, Logger, Module } from '@nestjs/common';

import { AppConfig } from './app-config';

/** Provides the validated AppConfig everywhere. Tests pass overrides instead of changing process.env. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [
        {
          provide: AppConfig,
          useFactory: () => {
            const config = AppConfig.fromEnvironment({ ...process.env, ...overrides });
            if (config.usesDevelopmentCredentials) {
              new Logger('Config').warn(
                'SYSTEM_API_TOKENS (or SYSTEM_API_USERS) or SECRET_KEY is not set: using the documented development credentials (never in production)',
              );
            }
            return config;
          },
        },
        {
          provide: ProvisioningSettings,
          inject: [AppConfig],
          useFactory: (c: AppConfig): ProvisioningSettings => ({
            baseDomain: c.baseDomain,
            defaultBucketName: c.defaultBucketName,
            secretRetentionSeconds: c.secretRetentionSeconds,
            maxPendingTenantOperations: c.maxPendingTenantOperations,
            maxPendingCreatesPerCaller: c.maxPendingCreatesPerCaller,
            onboardDefaultInstance: c.onboardDefaultInstance,
            machineKeyPoolSize: c.machineKeyPoolSize,
          }),
        },
      ],
      exports: [AppConfig, ProvisioningSettings],
    };
  }
}
