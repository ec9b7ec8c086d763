/** In-memory fakes of the webhook ports, for unit specs only (nothing in the app imports this file). */
import {
  type DeliveryTarget,
  type RelayBatch,
  type WebhookDeliveryQueue,
  type WebhookDeliveryStore,
  type WebhookRepository,
  type WebhookRequest,
  type WebhookResponse,
  type WebhookSender,
  type WebhookUrlPolicy,
} from '../ports';
import { type Id } from '../shared/id';
import { type OutboxEvent } from '../webhooks/outbox-event';
import { type NewWebhook, type Webhook } from '../webhooks/webhook';
import {
  type DeliveryAttempt,
  DeliveryStatus,
  type PlannedDelivery,
  type WebhookDelivery,
} from '../webhooks/webhook-delivery';

/** The real policy's words (libs/infrastructure/src/http/network-address.ts). */
export const ADDRESS_NOT_ALLOWED =
  'must not point to a loopback, private, link-local, multicast or unspecified address (see WEBHOOK_ALLOW_PRIVATE_NETWORKS)';

/**
 * Refuses what the network policy refuses by the URL alone when private networks are not allowed: `localhost`
 * names and a few literal non-public addresses (enough for specs; the real check knows every private range).
 */
export class LocalAddressUrlPolicy implements WebhookUrlPolicy {
  refusal(url: string): string | null {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const local =
      host === 'localhost' ||
      host.endsWith('.localhost') ||
      /^(127\.|10\.|192\.168\.|169\.254\.)/.test(host) ||
      host === '::1';
    return local ? ADDRESS_NOT_ALLOWED : null;
  }
}

/** Answers every request with `answer` (a status or a network error) and records the requests. */
export class RecordingWebhookSender implements WebhookSender {
  readonly requests: WebhookRequest[] = [];

  constructor(public answer: WebhookResponse = { status: 200 }) {}

  async post(request: WebhookRequest): Promise<WebhookResponse> {
    this.requests.push(request);
    return this.answer;
  }

  /** The JSON bodies sent, parsed. */
  bodies(): unknown[] {
    return this.requests.map((r) => JSON.parse(r.body) as unknown);
  }
}

/** Webhooks and their deliveries; deleting a webhook deletes its deliveries (ON DELETE CASCADE). */
/** A webhook on `instance.created` with a sealed secret, as the specs that relay and list deliveries need one. */
export function aWebhook(id: Id): NewWebhook {
  return {
    id,
    url: 'https://hooks.example.com/',
    eventTypes: ['instance.created'],
    description: '',
    createdAt: new Date(0),
    sealedSecret: 'sealed:whsec_x',
    createdBy: 'caller',
  };
}

export class InMemoryWebhookRepository implements WebhookRepository {
  readonly webhooks: NewWebhook[] = [];
  readonly deliveries: WebhookDelivery[] = [];

  async create(webhook: NewWebhook): Promise<void> {
    this.webhooks.push(webhook);
  }

  /** Oldest first. */
  async list(): Promise<Webhook[]> {
    return [...this.webhooks]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map(publicPart);
  }

  async findById(webhookId: Id): Promise<Webhook | null> {
    const found = this.webhooks.find((w) => w.id === webhookId);
    return found ? publicPart(found) : null;
  }

  async delete(webhookId: Id): Promise<boolean> {
    const index = this.webhooks.findIndex((w) => w.id === webhookId);
    if (index < 0) return false;
    this.webhooks.splice(index, 1);
    for (let i = this.deliveries.length - 1; i >= 0; i--)
      if (this.deliveries[i].webhookId === webhookId) this.deliveries.splice(i, 1);
    return true;
  }

  /** Newest first. */
  async listDeliveries(webhookId: Id, limit: number): Promise<WebhookDelivery[]> {
    return this.deliveries
      .filter((d) => d.webhookId === webhookId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .slice(0, limit);
  }
}

/** The secret stays in the store: callers never see it. */
function publicPart({ id, url, eventTypes, description, createdAt }: NewWebhook): Webhook {
  return { id, url, eventTypes, description, createdAt };
}

/** The outbox and the delivery rows, over the webhooks and deliveries of an InMemoryWebhookRepository. */
export class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
  readonly outbox: (OutboxEvent & { dispatchedAt: Date | null })[] = [];

  constructor(readonly webhooks = new InMemoryWebhookRepository()) {}

  putEvent(event: OutboxEvent): void {
    this.outbox.push({ ...event, dispatchedAt: null });
  }

  /** Oldest undispatched events first; if `enqueue` throws, nothing is stored and the events stay undispatched. */
  async relay(
    limit: number,
    newId: () => Id,
    at: Date,
    enqueue: (batch: RelayBatch) => Promise<void>,
  ): Promise<RelayBatch> {
    const claimed = this.outbox
      .filter((e) => e.dispatchedAt === null)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, limit);
    if (claimed.length === 0) return { events: [], deliveries: [] };
    const subscribers = [...this.webhooks.webhooks].sort((a, b) => a.id.localeCompare(b.id));
    const deliveries: PlannedDelivery[] = claimed.flatMap((event) =>
      subscribers
        .filter((w) => w.eventTypes.includes(event.type))
        .map((w) => ({ id: newId(), webhookId: w.id, eventId: event.id, eventType: event.type })),
    );
    const events = claimed.map(({ dispatchedAt: _, ...event }) => event);
    const batch = { events, deliveries };
    await enqueue(batch);
    this.webhooks.deliveries.push(
      ...deliveries.map((d): WebhookDelivery => ({
        ...d,
        attempt: 0,
        status: DeliveryStatus.Pending,
        responseStatus: null,
        error: null,
        attempts: [],
        createdAt: at,
        lastAttemptAt: null,
        finishedAt: null,
      })),
    );
    claimed.forEach((e) => (e.dispatchedAt = at));
    return batch;
  }

  async findTarget(deliveryId: Id): Promise<DeliveryTarget | null> {
    const delivery = this.webhooks.deliveries.find((d) => d.id === deliveryId);
    const webhook = delivery && this.webhooks.webhooks.find((w) => w.id === delivery.webhookId);
    const event = delivery && this.outbox.find((e) => e.id === delivery.eventId);
    if (!delivery || !webhook || !event) return null;
    const { dispatchedAt: _, ...outboxEvent } = event;
    return {
      deliveryId,
      status: delivery.status,
      url: webhook.url,
      sealedSecret: webhook.sealedSecret,
      event: outboxEvent,
    };
  }

  async recordAttempt(
    deliveryId: Id,
    attempt: Omit<DeliveryAttempt, 'attempt'>,
    status: DeliveryStatus,
  ): Promise<void> {
    const index = this.webhooks.deliveries.findIndex((d) => d.id === deliveryId);
    if (index < 0) return;
    const d = this.webhooks.deliveries[index];
    const numbered = { ...attempt, attempt: d.attempt + 1 };
    this.webhooks.deliveries[index] = {
      ...d,
      attempt: numbered.attempt,
      status,
      responseStatus: attempt.responseStatus,
      error: attempt.error,
      attempts: [...d.attempts, numbered],
      lastAttemptAt: attempt.startedAt,
      finishedAt: status === DeliveryStatus.Pending ? null : attempt.startedAt,
    };
  }
}

/** Records the delivery ids queued; `failWith` makes the next enqueue throw (Redis down). */
export class RecordingWebhookDeliveryQueue implements WebhookDeliveryQueue {
  readonly queued: Id[] = [];
  failWith: Error | null = null;

  async enqueueDeliveries(deliveryIds: readonly Id[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.queued.push(...deliveryIds);
  }
}
