import { AddQuotaHandler } from '../commands/add-quota/add-quota.handler';
import { BulkSetInstanceLimitsHandler } from '../commands/bulk-set-instance-limits/bulk-set-instance-limits.handler';
import { ChargeTenantRequestHandler } from '../commands/charge-tenant-request/charge-tenant-request.handler';
import { RemoveQuotaHandler } from '../commands/remove-quota/remove-quota.handler';
import { SendQuotaNotificationHandler } from '../commands/send-quota-notification/send-quota-notification.handler';

export * from '../commands/add-quota/add-quota.command';
export * from '../commands/bulk-set-instance-limits/bulk-set-instance-limits.command';
export * from '../commands/charge-tenant-request/charge-tenant-request.command';
export * from '../commands/remove-quota/remove-quota.command';
export * from '../commands/send-quota-notification/send-quota-notification.command';
export * from './quota';
export * from './quota-events';
export * from './quota-input';
export * from './quota-ports';

/** Quota and bulk limit handlers the API runs. */
export const quotaApiCommandHandlers = [
  AddQuotaHandler,
  RemoveQuotaHandler,
  ChargeTenantRequestHandler,
  BulkSetInstanceLimitsHandler,
];
/** The worker sends the notifications. */
export const quotaWorkerCommandHandlers = [SendQuotaNotificationHandler];
