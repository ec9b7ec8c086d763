import { SendQuotaNotificationCommand } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { type JobHandler, type JobOf } from '../jobs/job-handler';

/** Sends one quota notification per job; a receiver that does not take it fails the job, and BullMQ retries it. */
@Injectable()
export class QuotaNotificationJobHandler implements JobHandler<JobName.NotifyQuota> {
  static readonly handles = [JobName.NotifyQuota];

  constructor(private readonly commands: CommandBus) {}

  async handle(job: JobOf<JobName.NotifyQuota>): Promise<void> {
    const delivered = await this.commands.execute(new SendQuotaNotificationCommand(job.data));
    if (!delivered) throw new Error('the receiver did not take the quota notification');
  }
}
