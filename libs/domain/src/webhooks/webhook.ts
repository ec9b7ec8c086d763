import { DomainError } from '../errors';
import { type Id } from '../shared/id';
import { checkText, preview } from '../shared/text';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-type';

export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 1000;

/** A System API webhook as callers see it: never its secret. */
export interface Webhook {
  readonly id: Id;
  readonly url: string;
  readonly eventTypes: readonly WebhookEventType[];
  readonly description: string;
  readonly createdAt: Date;
}

/** What the store keeps: the webhook and its signing secret, sealed with the service key. */
export interface NewWebhook extends Webhook {
  readonly sealedSecret: string;
  readonly createdBy: string;
}

export interface WebhookInput {
  readonly url?: unknown;
  readonly eventTypes?: unknown;
  readonly description?: unknown;
}

export interface CheckedWebhookInput {
  readonly url: string;
  readonly eventTypes: WebhookEventType[];
  readonly description: string;
}

/** Checks a registration; every error names its field. Event types are kept once each, in the order given. */
export function checkWebhookInput(input: WebhookInput): CheckedWebhookInput {
  return {
    url: checkWebhookUrl(input.url),
    eventTypes: checkEventTypes(input.eventTypes),
    description: checkText(input.description, 'description', MAX_WEBHOOK_DESCRIPTION_LENGTH),
  };
}

export function checkWebhookUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw DomainError.invalidField('url', 'is required');
  if (value.length > MAX_WEBHOOK_URL_LENGTH)
    throw DomainError.invalidField('url', `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw DomainError.invalidField('url', 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw DomainError.invalidField('url', 'must be an absolute http or https URL');
  if (!url.hostname) throw DomainError.invalidField('url', 'must name a host');
  return url.toString();
}

function checkEventTypes(value: unknown): WebhookEventType[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw DomainError.invalidField('eventTypes', `must list at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}`);
  }
  const unknown = value.filter((t) => !isWebhookEventType(t));
  if (unknown.length > 0) {
    throw DomainError.invalidField(
      'eventTypes',
      `unknown event type ${preview(JSON.stringify(unknown[0]))}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
    );
  }
  return [...new Set(value as WebhookEventType[])];
}
