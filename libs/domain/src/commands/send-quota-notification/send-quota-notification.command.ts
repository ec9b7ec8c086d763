import { Command } from '@nestjs/cqrs';

import { type DueQuotaNotification } from '../../quotas/quota-ports';

/** Answers whether the receiver took it (2xx); false makes the job retry. */
export class SendQuotaNotificationCommand extends Command<boolean> {
  constructor(readonly due: DueQuotaNotification) {
    super();
  }
}
