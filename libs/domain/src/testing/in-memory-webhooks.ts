/** In-memory fakes of the webhook ports, for unit specs only (nothing in the app imports this file). */
import { type WebhookRequest, type WebhookResponse, type WebhookSender, type WebhookUrlPolicy } from '../ports';

/** The real policy's words (libs/persistence/src/http/network-address.ts). */
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
