import { webhookRetryDelayMs } from '@app/domain';
import { type AppConfig, JobName, QueueName } from '@app/infrastructure';
import { type MinimalJob } from 'bullmq';

/** A BullMQ job scheduler: the job runs every `everyMs`, once per tick however many workers run. */
export interface JobSchedule {
  readonly job: JobName;
  readonly everyMs: number;
}

/** How the worker runs the jobs of one queue. */
export interface QueueSettings {
  /** Jobs of this queue that one worker process runs at the same time. */
  readonly concurrency: number;
  /**
   * For long jobs: the lock a job holds while it runs (it is renewed); a job whose lock lapses is stalled and run
   * again. Stalled jobs are looked for every half of it. BullMQ's defaults when absent.
   */
  readonly lockDurationMs?: number;
  /** The delay before a retry, for jobs queued with a backoff type of our own (WEBHOOK_BACKOFF_TYPE). */
  readonly retryDelayMs?: (attemptsMade: number, job?: MinimalJob) => number;
  readonly schedules?: readonly JobSchedule[];
}

/**
 * Every queue the worker runs, with its settings. A new queue (QueueName in jobs.ts) must get an entry here (the type
 * asks for one); a periodic job is one line in its queue's `schedules`.
 */
export function queueSettings(config: AppConfig): Record<QueueName, QueueSettings> {
  // Capped exponential from the delay the job was queued with (WEBHOOK_BACKOFF_MS then).
  const webhookRetryDelay = (attemptsMade: number, job?: MinimalJob): number => {
    const backoff = job?.opts.backoff;
    const base = typeof backoff === 'object' && backoff.delay ? backoff.delay : config.webhookBackoffMs;
    return webhookRetryDelayMs(attemptsMade, base, config.webhookBackoffMaxMs);
  };
  return {
    [QueueName.Provisioning]: { concurrency: config.workerConcurrency, lockDurationMs: config.workerLockDurationMs },
    [QueueName.Maintenance]: {
      concurrency: 1,
      schedules: [{ job: JobName.EraseExpiredSecrets, everyMs: config.secretSweepIntervalMs }],
    },
    [QueueName.Webhooks]: { concurrency: config.webhookConcurrency, retryDelayMs: webhookRetryDelay },
    [QueueName.WebhookRelay]: {
      concurrency: 1,
      schedules: [{ job: JobName.RelayWebhookOutbox, everyMs: config.webhookRelayIntervalMs }],
    },
    [QueueName.QuotaNotifications]: { concurrency: config.webhookConcurrency, retryDelayMs: webhookRetryDelay },
    [QueueName.MachineKeyPool]: {
      concurrency: 1,
      schedules:
        config.machineKeyPoolSize > 0
          ? [{ job: JobName.RefillMachineKeyPool, everyMs: config.machineKeyPoolRefillMs }]
          : [],
    },
  };
}
