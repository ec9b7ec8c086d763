import { Injectable } from '@nestjs/common';
import { WebhookRequest, WebhookResponse, WebhookSender } from '@app/domain';

const USER_AGENT = 'instance-provisioner-webhooks/1';

/** POSTs with Node's fetch. Redirects are not followed (a 3xx is a failed attempt), and the answer's body is dropped. */
@Injectable()
export class FetchWebhookSender extends WebhookSender {
  async post(request: WebhookRequest): Promise<WebhookResponse> {
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'user-agent': USER_AGENT, ...request.headers },
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      return { status: null, error: describe(error, request.timeoutMs) };
    }
  }
}

/** Says why no answer came without repeating the URL, which may carry credentials. */
function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = e?.cause?.code;
  return code ? `request failed: ${code}` : 'request failed';
}
