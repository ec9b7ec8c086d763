import { DeliverWebhookCommand, DeliveryStatus } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { type JobHandler, type JobOf } from '../jobs/job-handler';

/** An attempt that did not succeed: BullMQ retries the job after the capped exponential backoff. */
class DeliveryAttemptFailed extends Error {}

/** Runs one delivery attempt per job; a failed attempt fails the job so that BullMQ retries it later. */
@Injectable()
export class WebhookDeliveryJobHandler implements JobHandler<JobName.DeliverWebhook> {
  static readonly handles = [JobName.DeliverWebhook];

  constructor(private readonly commands: CommandBus) {}

  async handle(job: JobOf<JobName.DeliverWebhook>): Promise<DeliveryStatus | null> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const status = await this.commands.execute(new DeliverWebhookCommand(job.data.deliveryId, finalAttempt));
    if (status === DeliveryStatus.Pending)
      throw new DeliveryAttemptFailed('the receiver did not accept the delivery; it will be retried');
    if (status === DeliveryStatus.Failed)
      throw new DeliveryAttemptFailed('the receiver did not accept the delivery; no attempts left');
    return status;
  }
}
