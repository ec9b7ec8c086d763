import { SYSTEM_TOKEN } from './test-stack';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A thin fetch wrapper: real HTTP, JSON in and out. */
export async function http<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string | null } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const token = options.token === undefined ? SYSTEM_TOKEN : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: response.status, headers: response.headers, body };
}

/** Polls an operation until it is finished. */
export async function waitForOperation(baseUrl: string, operationId: string, timeoutMs = 30000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await http(baseUrl, 'GET', `/system/v1/operations/${operationId}`);
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(body.state) || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
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
