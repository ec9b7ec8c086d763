import { type Id } from '../shared/id';
import { type WebhookEventType } from './webhook-event-type';

export enum DeliveryStatus {
  /** Not yet delivered; BullMQ will try (again). */
  Pending = 'PENDING',
  Succeeded = 'SUCCEEDED',
  /** Every attempt failed. */
  Failed = 'FAILED',
}

/** The receiver has this long to answer one attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The outcome of one POST to the receiver. */
export interface DeliveryAttempt {
  readonly attempt: number;
  readonly succeeded: boolean;
  /** The receiver's HTTP status; null when no answer came (refused, timed out, could not sign). */
  readonly responseStatus: number | null;
  /** Why the attempt failed, without the URL (which may carry credentials); null on success. */
  readonly error: string | null;
  readonly startedAt: Date;
  readonly durationMs: number;
}

export interface WebhookDelivery {
  readonly id: Id;
  readonly webhookId: Id;
  readonly eventId: Id;
  readonly eventType: WebhookEventType;
  /** Attempts made so far. */
  readonly attempt: number;
  readonly status: DeliveryStatus;
  /** Of the last attempt. */
  readonly responseStatus: number | null;
  readonly error: string | null;
  readonly attempts: readonly DeliveryAttempt[];
  readonly createdAt: Date;
  readonly lastAttemptAt: Date | null;
  readonly finishedAt: Date | null;
}

/** A delivery that matched: one per webhook subscribed to the event's type. */
export interface PlannedDelivery {
  readonly id: Id;
  readonly webhookId: Id;
  readonly eventId: Id;
  readonly eventType: WebhookEventType;
}

/**
 * Exponential backoff for redeliveries, capped: `baseMs * 2^(n-1)` before attempt n+1. With the defaults (15 attempts,
 * 5 s, cap 12 h) the last attempt comes about 22.75 hours after the first.
 */
export function webhookRetryDelayMs(attemptsMade: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  return Math.min(maxMs, Math.round(baseMs * 2 ** exponent));
}

/** What an attempt leaves the delivery as. */
export function statusAfterAttempt(succeeded: boolean, finalAttempt: boolean): DeliveryStatus {
  if (succeeded) return DeliveryStatus.Succeeded;
  return finalAttempt ? DeliveryStatus.Failed : DeliveryStatus.Pending;
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
