import { type Id } from '../shared/id';
import { type OutboxEvent } from '../webhooks/outbox-event';
import { type DeliveryAttempt, type DeliveryStatus, type PlannedDelivery } from '../webhooks/webhook-delivery';

/** All a delivery attempt needs: where to send, the sealed secret to sign with, and the event. */
export interface DeliveryTarget {
  readonly deliveryId: Id;
  readonly status: DeliveryStatus;
  readonly url: string;
  readonly sealedSecret: string;
  readonly event: OutboxEvent;
}

export interface RelayBatch {
  readonly events: readonly OutboxEvent[];
  readonly deliveries: readonly PlannedDelivery[];
}

/** The worker's side of webhooks: the outbox relay and the delivery rows. */
export abstract class WebhookDeliveryStore {
  /**
   * In one transaction: claims up to `limit` undispatched outbox events (rows other relays hold are skipped),
   * stores one delivery per webhook subscribed to each event's type, hands them to `enqueue`, and marks the events
   * dispatched. If `enqueue` throws, nothing is stored and the events stay for the next run.
   */
  abstract relay(
    limit: number,
    newId: () => Id,
    at: Date,
    enqueue: (batch: RelayBatch) => Promise<void>,
  ): Promise<RelayBatch>;
  /**
   * Null when the delivery is gone (its webhook was deleted) or never came to be (its relay rolled back). Jobs are
   * queued before the relay commits, so this waits for relays in flight before it answers null.
   */
  abstract findTarget(deliveryId: Id): Promise<DeliveryTarget | null>;
  /** Appends the attempt to the delivery's history and sets its status. */
  abstract recordAttempt(
    deliveryId: Id,
    attempt: Omit<DeliveryAttempt, 'attempt'>,
    status: DeliveryStatus,
  ): Promise<void>;
}
