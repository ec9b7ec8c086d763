import { type Id } from '../shared/id';

export abstract class WebhookDeliveryQueue {
  /** One job per delivery; the job carries the delivery id and nothing else, and retries with backoff. */
  abstract enqueueDeliveries(deliveryIds: readonly Id[]): Promise<void>;
}
