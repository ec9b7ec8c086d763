import { type CreatedWebhook, type DeliveryAttempt, type Webhook, type WebhookDelivery } from '@app/domain';

import { timestampJson } from '../../protojson';

/** Never carries the secret: only the create answer does, once. */
export interface WebhookJson {
  id: string;
  url: string;
  eventTypes: string[];
  description: string;
  creationDate: string;
}

export function webhookJson(w: Webhook): WebhookJson {
  return {
    id: w.id,
    url: w.url,
    eventTypes: [...w.eventTypes],
    description: w.description,
    creationDate: w.createdAt.toISOString(),
  };
}

export function createWebhookResponse({ webhook, secret }: CreatedWebhook) {
  return { webhook: webhookJson(webhook), secret };
}

function attemptJson(a: DeliveryAttempt) {
  return {
    attempt: a.attempt,
    succeeded: a.succeeded,
    responseStatus: a.responseStatus ?? undefined,
    error: a.error ?? undefined,
    date: a.startedAt.toISOString(),
    durationMs: a.durationMs,
  };
}

/** protojson: absent values are left out. `attempt` counts the attempts made; `attempts` lists each one's outcome. */
export function deliveryJson(d: WebhookDelivery) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    attempt: d.attempt,
    status: d.status,
    responseStatus: d.responseStatus ?? undefined,
    error: d.error ?? undefined,
    creationDate: d.createdAt.toISOString(),
    lastAttemptDate: timestampJson(d.lastAttemptAt),
    finishedDate: timestampJson(d.finishedAt),
    attempts: d.attempts.map(attemptJson),
  };
}
