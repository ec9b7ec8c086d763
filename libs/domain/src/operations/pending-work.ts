import { DomainError, ErrorCode } from '../errors';

/** What a refused caller is told to wait: queued operations take seconds, not minutes. */
export const PENDING_WORK_RETRY_AFTER_SECONDS = 5;

/** Too much unfinished work queued by one caller: 429 with Retry-After on both surfaces (gRPC code 8 on the System API). */
export class TooMuchPendingWorkError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.ResourceExhausted, message, [], PENDING_WORK_RETRY_AFTER_SECONDS);
  }
}

/**
 * Decides whether one more operation may be queued, given how many of the same caller are still PENDING or RUNNING.
 * The store calls it in the transaction that reserves the operation, after a lock per instance or caller, so
 * concurrent requests cannot all pass the same count.
 */
export type PendingWorkAdmission = (pending: number) => void;

/**
 * An admission that says its limit (admits below it, refuses at it), so that a store may count and compare where
 * the count is taken and call it only with a count to refuse.
 */
export interface LimitedAdmission extends PendingWorkAdmission {
  readonly limit: number;
}

/** Tenant-initiated setups of one instance (MAX_PENDING_TENANT_OPERATIONS): one tenant must not fill the queue for all. */
export function tenantSetupAdmission(limit: number): PendingWorkAdmission {
  return (pending) => {
    if (pending >= limit) {
      throw new TooMuchPendingWorkError(
        `this instance has ${pending} onboardings in progress, the most it may queue at once; retry when they have finished`,
      );
    }
  };
}

/** Instance creations of one System API caller (MAX_PENDING_CREATES_PER_CALLER). */
export function systemCreateAdmission(limit: number): LimitedAdmission {
  const admit = (pending: number) => {
    if (pending >= limit) {
      throw new TooMuchPendingWorkError(
        `this caller has ${pending} instance creations in progress, the most it may queue at once (MAX_PENDING_CREATES_PER_CALLER); retry when some have finished`,
      );
    }
  };
  return Object.assign(admit, { limit });
}
