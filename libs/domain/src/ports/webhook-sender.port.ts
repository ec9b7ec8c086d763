export interface WebhookRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
}

/** The receiver's status, or why no answer came (never the URL, which may carry credentials). */
export type WebhookResponse =
  { readonly status: number; readonly error?: undefined } | { readonly status: null; readonly error: string };

export abstract class WebhookSender {
  abstract post(request: WebhookRequest): Promise<WebhookResponse>;
}
