import {
  BucketMemberRepository,
  BucketRepository,
  Clock,
  IdempotencyStore,
  IdGenerator,
  InstanceAdminRepository,
  InstanceMemberRepository,
  InstanceRemovalStore,
  InstanceRepository,
  KeyPairGenerator,
  LabelRepository,
  MachineKeyPool,
  OnboardingStore,
  OperationRepository,
  PasswordAttemptLimiter,
  PasswordHasher,
  ProvisioningBacklog,
  ProvisioningQueue,
  ProvisioningStore,
  SecretSealer,
  TenantAuthRepository,
  TokenGenerator,
} from '@app/domain';
import { SessionRepository, UserRepository } from '@app/domain';
import { AuthorizationRepository, OrgRepository } from '@app/domain';
import {
  OperationChanges,
  OutboxNotifications,
  WebhookDeliveryQueue,
  WebhookDeliveryStore,
  WebhookRepository,
  WebhookSender,
  WebhookUrlPolicy,
} from '@app/domain';
import { QuotaNotificationQueue, QuotaRepository, QuotaUsageCounter } from '@app/domain';
import { AssertionReplayGuard, JwtAssertionVerifier, OAuthGrantStore } from '@app/domain';
import { ConsoleSessionStore, QueueStatistics } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { NetworkWebhookUrlPolicy } from '@app/infrastructure';
import { NodeWebhookSender } from '@app/infrastructure';
import { BullMqProvisioningQueue } from '@app/infrastructure';
import { BullMqQueueStatistics } from '@app/infrastructure';
import { BullMqQuotaNotificationQueue } from '@app/infrastructure';
import { BullMqWebhookQueue } from '@app/infrastructure';
import { AesGcmSecretSealer } from '@app/infrastructure';
import { Argon2PasswordHasher } from '@app/infrastructure';
import { JoseJwtAssertionVerifier } from '@app/infrastructure';
import { NodeClock } from '@app/infrastructure';
import { RandomIdGenerator } from '@app/infrastructure';
import { RandomTokenGenerator } from '@app/infrastructure';
import { RedisAssertionReplayGuard } from '@app/infrastructure';
import { RedisConsoleSessionStore } from '@app/infrastructure';
import { RedisPasswordAttemptLimiter } from '@app/infrastructure';
import { RedisQuotaUsageCounter } from '@app/infrastructure';
import { RsaKeyPairGenerator } from '@app/infrastructure';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  dataSourceOptions,
  SYSTEM_SCOPE_CONNECTION,
  systemScopeDataSourceOptions,
} from './database/data-source-options';
import { DatabaseRoleCheck } from './database/database-role';
import { migrateBeforeConnecting } from './database/migration-runner';
import { SystemDatabase } from './database/system-database';
import { TenantDatabase } from './database/tenant-database';
import { ServiceReadiness } from './health/service-readiness';
import { PgOperationChanges } from './outbox/pg-operation-changes';
import { PgOutboxNotifications } from './outbox/pg-outbox-notifications';
import { PgMachineKeyPool } from './repositories/pg-machine-key-pool';
import { TypeOrmAuthorizationRepository } from './repositories/typeorm-authorization.repository';
import { TypeOrmBucketRepository } from './repositories/typeorm-bucket.repository';
import { TypeOrmBucketMemberRepository } from './repositories/typeorm-bucket-member.repository';
import { TypeOrmIdempotencyStore } from './repositories/typeorm-idempotency.store';
import { TypeOrmInstanceRepository } from './repositories/typeorm-instance.repository';
import { TypeOrmInstanceAdminRepository } from './repositories/typeorm-instance-admin.repository';
import { TypeOrmInstanceMemberRepository } from './repositories/typeorm-instance-member.repository';
import { TypeOrmInstanceRemovalStore } from './repositories/typeorm-instance-removal.store';
import { TypeOrmLabelRepository } from './repositories/typeorm-label.repository';
import { TypeOrmOAuthGrantStore } from './repositories/typeorm-oauth-grant.store';
import { TypeOrmOnboardingStore } from './repositories/typeorm-onboarding.store';
import { TypeOrmOperationRepository } from './repositories/typeorm-operation.repository';
import { TypeOrmOrgRepository } from './repositories/typeorm-org.repository';
import { TypeOrmProvisioningStore } from './repositories/typeorm-provisioning.store';
import { TypeOrmQuotaRepository } from './repositories/typeorm-quota.repository';
import { TypeOrmSessionRepository } from './repositories/typeorm-session.repository';
import { TypeOrmTenantAuthRepository } from './repositories/typeorm-tenant-auth.repository';
import { TypeOrmUserRepository } from './repositories/typeorm-user.repository';
import { TypeOrmWebhookRepository } from './repositories/typeorm-webhook.repository';
import { TypeOrmWebhookDeliveryStore } from './repositories/typeorm-webhook-delivery.store';

const ports = [
  { provide: Clock, useClass: NodeClock },
  { provide: IdGenerator, useClass: RandomIdGenerator },
  { provide: PasswordHasher, useClass: Argon2PasswordHasher },
  { provide: PasswordAttemptLimiter, useClass: RedisPasswordAttemptLimiter },
  { provide: JwtAssertionVerifier, useClass: JoseJwtAssertionVerifier },
  { provide: OAuthGrantStore, useClass: TypeOrmOAuthGrantStore },
  { provide: AssertionReplayGuard, useClass: RedisAssertionReplayGuard },
  { provide: KeyPairGenerator, useClass: RsaKeyPairGenerator },
  { provide: TokenGenerator, useClass: RandomTokenGenerator },
  { provide: SecretSealer, useClass: AesGcmSecretSealer },
  { provide: OperationRepository, useClass: TypeOrmOperationRepository },
  { provide: InstanceRepository, useClass: TypeOrmInstanceRepository },
  { provide: ProvisioningStore, useClass: TypeOrmProvisioningStore },
  { provide: TenantAuthRepository, useClass: TypeOrmTenantAuthRepository },
  { provide: OnboardingStore, useClass: TypeOrmOnboardingStore },
  { provide: BucketRepository, useClass: TypeOrmBucketRepository },
  { provide: InstanceAdminRepository, useClass: TypeOrmInstanceAdminRepository },
  { provide: InstanceMemberRepository, useClass: TypeOrmInstanceMemberRepository },
  { provide: InstanceRemovalStore, useClass: TypeOrmInstanceRemovalStore },
  { provide: IdempotencyStore, useClass: TypeOrmIdempotencyStore },
  { provide: BucketMemberRepository, useClass: TypeOrmBucketMemberRepository },
  { provide: LabelRepository, useClass: TypeOrmLabelRepository },
  { provide: UserRepository, useClass: TypeOrmUserRepository },
  { provide: SessionRepository, useClass: TypeOrmSessionRepository },
  { provide: OrgRepository, useClass: TypeOrmOrgRepository },
  { provide: AuthorizationRepository, useClass: TypeOrmAuthorizationRepository },
  BullMqProvisioningQueue,
  ServiceReadiness,
  { provide: ProvisioningQueue, useExisting: BullMqProvisioningQueue },
  { provide: ProvisioningBacklog, useExisting: BullMqProvisioningQueue },
  { provide: MachineKeyPool, useClass: PgMachineKeyPool },
  { provide: WebhookRepository, useClass: TypeOrmWebhookRepository },
  { provide: WebhookDeliveryStore, useClass: TypeOrmWebhookDeliveryStore },
  { provide: WebhookDeliveryQueue, useClass: BullMqWebhookQueue },
  {
    provide: WebhookSender,
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      new NodeWebhookSender({ allowPrivateNetworks: config.webhookAllowPrivateNetworks }),
  },
  { provide: WebhookUrlPolicy, useClass: NetworkWebhookUrlPolicy },
  { provide: OutboxNotifications, useClass: PgOutboxNotifications },
  { provide: OperationChanges, useClass: PgOperationChanges },
  { provide: QuotaRepository, useClass: TypeOrmQuotaRepository },
  { provide: QuotaUsageCounter, useClass: RedisQuotaUsageCounter },
  { provide: QuotaNotificationQueue, useClass: BullMqQuotaNotificationQueue },
  { provide: ConsoleSessionStore, useClass: RedisConsoleSessionStore },
  { provide: QueueStatistics, useClass: BullMqQueueStatistics },
];

/** The adapters behind every domain port: PostgreSQL through TypeORM, Redis through BullMQ, node:crypto and argon2. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        await migrateBeforeConnecting(config);
        return dataSourceOptions(config.databaseUrl);
      },
    }),
    TypeOrmModule.forRootAsync({
      name: SYSTEM_SCOPE_CONNECTION,
      // After the default pool: its factory runs the migrations, which create the role this pool connects as.
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig) => systemScopeDataSourceOptions(config.databaseUrl),
    }),
  ],
  providers: [TenantDatabase, SystemDatabase, DatabaseRoleCheck, ...ports],
  exports: [DatabaseRoleCheck, ...ports.map((p) => ('provide' in p ? p.provide : p))],
})
export class PersistenceModule {}
