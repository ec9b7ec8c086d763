import { type JobName, type JobPayloads } from '@app/infrastructure';
import { type Type } from '@nestjs/common';
import { type Job } from 'bullmq';

/** A BullMQ job of one of the names `N`, with its typed payload (ids only, see jobs.ts). */
export type JobOf<N extends JobName> = Job<JobPayloads[N], unknown, N>;

/**
 * Runs jobs of the names its class lists in `handles`; the JobRunner owns everything else (the BullMQ workers, their
 * listeners, metrics and shutdown). A thrown error fails the attempt, which BullMQ retries while attempts are left.
 */
export interface JobHandler<N extends JobName = JobName> {
  handle(job: JobOf<N>): Promise<unknown>;
}

/** A handler class (a Nest provider) and the job names it runs; each job name has exactly one (see job-handlers.ts). */
export interface JobHandlerClass<N extends JobName = JobName> extends Type<JobHandler<N>> {
  readonly handles: readonly N[];
}
