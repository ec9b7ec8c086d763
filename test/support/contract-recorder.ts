import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { type Contract, expectMatchesErrorSchema, expectResponseMatchesContract } from './openapi-contract';

export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Our own tenant paths and answers that no InfluxDB contract knows of: setup operations and their 202. */
const EXTENSIONS = [/^\/api\/v2\/setup\/operations\//];
const isExtension = (r: RecordedResponse) =>
  EXTENSIONS.some((e) => e.test(r.path)) || (r.status === 202 && r.path.startsWith('/api/v2/setup'));
/** Cloud-only endpoints that this service serves as well. */
const CLOUD_ONLY = ['/api/v2/setup/user'];

/**
 * Records every tenant API response the test server sends (whatever client sent the request: the official
 * InfluxDB client or plain HTTP), so that a test can check all of them against the OpenAPI contracts.
 */
export class ContractRecorder {
  readonly responses: RecordedResponse[] = [];

  attach(server: Server): void {
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '').split('?')[0];
      if (!path.startsWith('/api/v2/')) return;
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      const keep = (chunk: unknown) => {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
          chunks.push(Buffer.from(chunk as string));
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        keep(chunk);
        return write(chunk, ...rest);
      }) as ServerResponse['write'];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        keep(chunk);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text === '' ? undefined : text;
        if (String(res.getHeader('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
        this.responses.push({ method: req.method ?? 'GET', path, status: res.statusCode, body });
        return end(chunk, ...rest);
      }) as ServerResponse['end'];
    });
  }

  /** Every violation, one line each; an empty list when all recorded responses match their contract. */
  violations(): string[] {
    return this.responses
      .filter((r) => !isExtension(r))
      .flatMap((r) => {
        const contract: Contract = CLOUD_ONLY.includes(r.path) ? 'cloud' : 'oss';
        try {
          expectResponseMatchesContract(contract, r.method, r.path, { status: r.status, body: r.body });
          return [];
        } catch (error) {
          // Some operations list only their success: an error answer there must still be an InfluxDB Error.
          const unlisted = /lists no response \d+ nor default/.test((error as Error).message);
          if (!unlisted || r.status < 400) return [(error as Error).message];
          try {
            expectMatchesErrorSchema(contract, r.body);
            return [];
          } catch (schemaError) {
            return [`${r.method} ${r.path} ${r.status}: ${(schemaError as Error).message}`];
          }
        }
      });
  }
}
