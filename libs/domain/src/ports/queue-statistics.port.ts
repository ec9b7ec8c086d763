/** Jobs of one queue by state, as the console's queue page shows them. */
export interface QueueCounts {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  readonly completed: number;
}

/** A job that failed for good (its error message, which never holds a secret: job payloads are ids only). */
export interface JobFailure {
  readonly queue: string;
  readonly job: string;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string | null;
}

/** Durations of one provisioning step (or whole job) summed over every worker process. */
export interface DurationSummary {
  readonly name: string;
  readonly count: number;
  readonly sumSeconds: number;
}

/** Read-only view of the job queues and of the durations the workers report. */
export abstract class QueueStatistics {
  abstract counts(): Promise<QueueCounts[]>;
  abstract recentFailures(limit: number): Promise<JobFailure[]>;
  abstract durations(): Promise<{ jobs: DurationSummary[]; steps: DurationSummary[] }>;
}
