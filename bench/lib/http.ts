import { Agent, request } from 'node:http';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** Longer than any wait the bench asks the API for (a sync `_create` waits up to SYNC_WAIT_SECONDS, 30 s). */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * JSON over node:http, on keep-alive connections shared by the whole run. Requests carry the System API token unless
 * `headers` names another `authorization`.
 */
export class JsonClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const allHeaders: Record<string, string> = { authorization: `Bearer ${this.token}`, ...headers };
    if (payload !== undefined) allHeaders['content-type'] = 'application/json';
    try {
      return await this.once(method, path, allHeaders, payload);
    } catch (error) {
      // A keep-alive socket that the server closed while it sat idle fails before the server read the request;
      // Node's documentation retries exactly this case once. Anything else is a real failure.
      if (!(error instanceof StaleSocketError)) throw error;
      return this.once(method, path, allHeaders, payload);
    }
  }

  private once(method: string, path: string, headers: Record<string, string>, payload?: string): Promise<JsonAnswer> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.baseUrl),
        { method, headers, agent: this.agent, timeout: REQUEST_TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error),
      );
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

class StaleSocketError extends Error {}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
