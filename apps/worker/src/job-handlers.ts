import { type JobName, JOBS_BY_QUEUE, type QueueName } from '@app/persistence';

import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { ProvisioningProcessor } from './provisioning/provisioning.processor';
import { QuotaNotificationProcessor } from './quotas/quota-notification.processor';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';
import { WebhookRelayProcessor } from './webhooks/webhook-relay.processor';

export const processors = [
  ProvisioningProcessor,
  MaintenanceProcessor,
  WebhookRelayProcessor,
  WebhookDeliveryProcessor,
  QuotaNotificationProcessor,
];

/** Fails the start when a job name has no processor or more than one, so that no job can sit unprocessed. */
export function checkEveryJobHasOneProcessor(): void {
  for (const [queue, jobs] of Object.entries(JOBS_BY_QUEUE) as [QueueName, JobName[]][]) {
    for (const job of jobs) {
      const count = processors.filter((p) => p.queue === queue && p.handles.includes(job)).length;
      if (count !== 1) throw new Error(`job ${queue}/${job} has ${count} processors; it needs exactly one`);
    }
  }
}
