/** Every queue and job the service runs. The worker checks at start that each job name has exactly one handler. */
export enum QueueName {
  Provisioning = 'provisioning',
  Maintenance = 'maintenance',
  Webhooks = 'webhooks',
  WebhookRelay = 'webhook-relay',
  QuotaNotifications = 'quota-notifications',
  MachineKeyPool = 'machine-key-pool',
}

export enum JobName {
  ProvisionInstance = 'provision-instance',
  Onboard = 'onboard',
  RemoveInstance = 'remove-instance',
  EraseExpiredSecrets = 'erase-expired-secrets',
  DeliverWebhook = 'deliver-webhook',
  RelayWebhookOutbox = 'relay-webhook-outbox',
  NotifyQuota = 'notify-quota',
  RefillMachineKeyPool = 'refill-machine-key-pool',
}

/** Job payloads are ids only: never a secret, never a whole request. */
export interface JobPayloads {
  [JobName.ProvisionInstance]: { operationId: string };
  [JobName.Onboard]: { operationId: string };
  [JobName.RemoveInstance]: { operationId: string };
  [JobName.EraseExpiredSecrets]: Record<string, never>;
  [JobName.DeliverWebhook]: { deliveryId: string };
  [JobName.RelayWebhookOutbox]: Record<string, never>;
  [JobName.RefillMachineKeyPool]: Record<string, never>;
  [JobName.NotifyQuota]: {
    instanceId: string;
    notificationId: string;
    periodStart: string;
    threshold: number;
    usage: number;
  };
}

export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Provisioning]: [JobName.ProvisionInstance, JobName.Onboard, JobName.RemoveInstance],
  [QueueName.Maintenance]: [JobName.EraseExpiredSecrets],
  [QueueName.Webhooks]: [JobName.DeliverWebhook],
  [QueueName.WebhookRelay]: [JobName.RelayWebhookOutbox],
  [QueueName.QuotaNotifications]: [JobName.NotifyQuota],
  [QueueName.MachineKeyPool]: [JobName.RefillMachineKeyPool],
};

/**
 * BullMQ job ids: a kind prefix and the id. BullMQ refuses a custom id that reads as an integer (a 16-hex id is all
 * digits about once in 1,800) and one holding ':' (its own separator), so the prefix ends with '-'. The same id gives
 * the same job id, so queuing it twice is a no-op.
 */
export const jobId = {
  operation: (operationId: string): string => `op-${operationId}`,
  delivery: (deliveryId: string): string => `delivery-${deliveryId}`,
  /** One job per notification, period and threshold. */
  quotaNotification: (notificationId: string, periodStart: string, threshold: number): string =>
    `quota-${notificationId}-${Date.parse(periodStart)}-${threshold}`,
};
