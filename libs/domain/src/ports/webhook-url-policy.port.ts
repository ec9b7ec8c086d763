/**
 * Which receivers webhooks may reach. Registration asks about the URL as written (a literal address or a local
 * name); delivery checks again on the addresses the name resolves to, since DNS answers can change.
 */
export abstract class WebhookUrlPolicy {
  /** Why deliveries may not go to this absolute http(s) URL, or null when they may. */
  abstract refusal(url: string): string | null;
}
