import { type JobName, JOBS_BY_QUEUE, type QueueName } from '@app/infrastructure';

import { type JobHandlerClass } from './jobs/job-handler';
import { MaintenanceJobHandler } from './maintenance/maintenance.job-handler';
import { MachineKeyPoolJobHandler } from './provisioning/machine-key-pool.job-handler';
import { ProvisioningJobHandler } from './provisioning/provisioning.job-handler';
import { QuotaNotificationJobHandler } from './quotas/quota-notification.job-handler';
import { WebhookDeliveryJobHandler } from './webhooks/webhook-delivery.job-handler';
import { WebhookRelayJobHandler } from './webhooks/webhook-relay.job-handler';

/** Every job handler; the JobRunner routes each job to the one that lists its name. */
export const jobHandlers: readonly JobHandlerClass[] = [
  ProvisioningJobHandler,
  MaintenanceJobHandler,
  WebhookRelayJobHandler,
  WebhookDeliveryJobHandler,
  QuotaNotificationJobHandler,
  MachineKeyPoolJobHandler,
];

/** Fails the start when a job name has no handler or more than one, so that no job can sit unprocessed. */
export function checkEveryJobHasOneHandler(handlers: readonly JobHandlerClass[] = jobHandlers): void {
  const known = new Set(Object.values(JOBS_BY_QUEUE).flat());
  for (const handler of handlers) {
    const unknown = handler.handles.find((job) => !known.has(job));
    if (unknown) throw new Error(`${handler.name} handles job ${unknown}, which belongs to no queue`);
  }
  for (const [queue, jobs] of Object.entries(JOBS_BY_QUEUE) as [QueueName, JobName[]][]) {
    for (const job of jobs) {
      const count = handlers.filter((handler) => handler.handles.includes(job)).length;
      if (count !== 1) throw new Error(`job ${queue}/${job} has ${count} handlers; it needs exactly one`);
    }
  }
}
