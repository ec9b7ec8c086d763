import { OutboxNotifications } from '@app/domain';
import { JobName } from '@app/infrastructure';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

import { JobRunner } from '../jobs/job-runner';

/** Queues a relay job as soon as PostgreSQL notifies that outbox events were committed, rather than at the next tick. */
@Injectable()
export class WebhookRelayNudge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookRelayNudge.name);
  private unsubscribe?: () => Promise<void>;
  private stopping = false;

  constructor(
    private readonly notifications: OutboxNotifications,
    private readonly jobs: JobRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.notifications.subscribe(() => void this.nudge());
  }

  /** One waiting nudge at a time: while one waits, further notifications are folded into it. */
  private async nudge(): Promise<void> {
    // The runner stops taking jobs during the same shutdown phase: a late notification is no reason for a warning.
    if (this.stopping) return;
    try {
      await this.jobs.add(
        JobName.RelayWebhookOutbox,
        {},
        { deduplication: { id: 'outbox-nudge' }, removeOnComplete: true, removeOnFail: true },
      );
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'could not nudge the webhook relay');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.unsubscribe?.();
  }
}
