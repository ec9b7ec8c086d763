import { GetBucketHandler } from './get-bucket/get-bucket.handler';
import { GetInstanceHandler } from './get-instance/get-instance.handler';
import { ListBucketsHandler } from './list-buckets/list-buckets.handler';
import { GetOperationHandler } from './get-operation/get-operation.handler';
import { GetSetupStatusHandler } from './get-setup-status/get-setup-status.handler';
import { ResolveTenantCallerHandler } from './resolve-tenant-caller/resolve-tenant-caller.handler';

export * from './get-bucket/get-bucket.query';
export * from './get-bucket/get-bucket.handler';
export * from './list-buckets/list-buckets.query';
export * from './list-buckets/list-buckets.handler';
export * from './get-instance/get-instance.query';
export * from './get-instance/get-instance.handler';
export * from './get-operation/get-operation.query';
export * from './get-operation/get-operation.handler';

export * from './resolve-tenant-caller/resolve-tenant-caller.query';
export * from './resolve-tenant-caller/resolve-tenant-caller.handler';
export * from './get-setup-status/get-setup-status.query';
export * from './get-setup-status/get-setup-status.handler';

export const queryHandlers = [
  GetInstanceHandler,
  GetOperationHandler,
  ResolveTenantCallerHandler,
  GetSetupStatusHandler,
  GetBucketHandler,
  ListBucketsHandler,
];
