/** Every queue and job the service runs. The worker checks at start that each job name has exactly one processor. */
export enum QueueName {
  Provisioning = 'provisioning',
  Maintenance = 'maintenance',
  Webhooks = 'webhooks',
  WebhookRelay = 'webhook-relay',
}

export enum JobName {
  ProvisionInstance = 'provision-instance',
  Onboard = 'onboard',
  RemoveInstance = 'remove-instance',
  EraseExpiredSecrets = 'erase-expired-secrets',
  DeliverWebhook = 'deliver-webhook',
  RelayWebhookOutbox = 'relay-webhook-outbox',
}

/** Job payloads are ids only: never a secret, never a whole request. */
export interface JobPayloads {
  [JobName.ProvisionInstance]: { operationId: string };
  [JobName.Onboard]: { operationId: string };
  [JobName.RemoveInstance]: { operationId: string };
  [JobName.EraseExpiredSecrets]: Record<string, never>;
  [JobName.DeliverWebhook]: { deliveryId: string };
  [JobName.RelayWebhookOutbox]: Record<string, never>;
}

export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Provisioning]: [JobName.ProvisionInstance, JobName.Onboard, JobName.RemoveInstance],
  [QueueName.Maintenance]: [JobName.EraseExpiredSecrets],
  [QueueName.Webhooks]: [JobName.DeliverWebhook],
  [QueueName.WebhookRelay]: [JobName.RelayWebhookOutbox],
};
