import { type OutboxEvent } from './outbox-event';
import { signWebhook } from './webhook-signature';

export interface SignedWebhookMessage {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The request body `{type, timestamp, data}` and the Standard Webhooks headers. `webhook-id` is the event id, the same
 * for every attempt and every webhook, so that receivers can drop duplicates; the timestamp and signature are per attempt.
 */
export function signedWebhookMessage(event: OutboxEvent, secret: string, now: Date): SignedWebhookMessage {
  const body = JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload });
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(secret, event.id, timestamp, body),
    },
  };
}
