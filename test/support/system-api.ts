import { request as httpRequest } from 'node:http';

import { SYSTEM_TOKEN } from './test-stack';
import { until } from './until';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Real HTTP with node:http (not fetch, which may not send a Host header of our choosing), JSON in and out.
 * By default it authenticates with the System API token; pass `token: null` for none.
 */
export function http<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    rawBody?: string | Buffer;
    headers?: Record<string, string | string[]>;
    token?: string | null;
    timeoutMs?: number;
  } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string | string[]> = { 'content-type': 'application/json', ...options.headers };
  const token = options.token === undefined ? SYSTEM_TOKEN : options.token;
  if (token && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
    headers.authorization = `Bearer ${token}`;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          /* not JSON: keep the text */
        }
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
            responseHeaders.append(name, v);
        }
        resolve({ status: response.statusCode ?? 0, headers: responseHeaders, body });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    if (options.timeoutMs)
      request.setTimeout(options.timeoutMs, () =>
        request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      );
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** An operation as `GET /system/v1/operations/{id}` answers it (the fields tests read). */
export interface OperationBody {
  id: string;
  kind: string;
  instanceId?: string;
  state: 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  progress: {
    currentStep?: string;
    completedSteps: number;
    totalSteps: number;
    steps?: { name: string; startedAt: string; durationMs?: number }[];
  };
  attempts: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  result?: { instanceId?: string; pat?: string; machineKey?: string; [field: string]: unknown };
  error?: { reason: string; message: string; retryable: boolean };
}

const FINISHED_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Polls an operation until it is finished; fails at the deadline with the last state seen. */
export async function waitForOperation(
  baseUrl: string,
  operationId: string,
  timeoutMs = 30000,
): Promise<OperationBody> {
  let last: HttpAnswer<OperationBody> | undefined;
  await until(
    `operation ${operationId} to finish`,
    async () => {
      last = await http<OperationBody>(baseUrl, 'GET', `/system/v1/operations/${operationId}`);
      return last.status === 200 && FINISHED_STATES.has(last.body.state);
    },
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message} (last answer: ${last?.status} ${JSON.stringify(last?.body)})`);
  });
  return last!.body;
}

export function fullCreateRequest(suffix: string, overrides: Record<string, unknown> = {}) {
  return {
    instanceName: `Acme ${suffix}`,
    firstOrgName: `Acme Org ${suffix}`,
    customDomain: `acme-${suffix}.example.com`,
    human: {
      userName: `alice-${suffix}`,
      email: { email: `alice-${suffix}@example.com`, isEmailVerified: true },
      profile: { firstName: 'Alice', lastName: 'Admin', preferredLanguage: 'en' },
      password: { password: `Pw-${suffix}-s3cret!`, passwordChangeRequired: false },
    },
    machine: {
      userName: `robot-${suffix}`,
      name: 'Provisioning robot',
      personalAccessToken: { expirationDate: '2519-04-01T08:45:00Z' },
      machineKey: { type: 'KEY_TYPE_JSON', expirationDate: '2519-04-01T08:45:00Z' },
    },
    defaultLanguage: 'en',
    ...overrides,
  };
}
