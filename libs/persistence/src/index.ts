export * from './database/data-source-options';
export * from './database/database-role';
export * from './database/migrate';
export * from './database/migration-runner';
export * from './health/service-readiness';
export * from './migrations';
export * from './outbox/pg-instance-access-changes';
export * from './persistence.module';
