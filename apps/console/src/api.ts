/** The console's only door to the server: its session routes, and the System API through /console/api/system/v1. */

export interface Session {
  caller: string;
  role: 'SYSTEM_OWNER' | 'SYSTEM_OWNER_VIEWER';
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

export function rememberCsrf(token: string): void {
  csrfToken = token;
}

/** A System API path (`/system/v1/...`) as the console reaches it, with the session cookie. */
export const consolePath = (path: string) => (path.startsWith('/system/') ? `/console/api${path}` : path);

export async function call<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(consolePath(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const message = (parsed as { message?: unknown } | undefined)?.message;
    throw new ApiError(
      response.status,
      typeof message === 'string' ? message : `${response.status} ${response.statusText}`,
    );
  }
  return parsed as T;
}

export const api = {
  get: <T = unknown>(path: string) => call<T>('GET', path),
  post: <T = unknown>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    call<T>('POST', path, body, headers),
  put: <T = unknown>(path: string, body: unknown = {}) => call<T>('PUT', path, body),
  del: <T = unknown>(path: string) => call<T>('DELETE', path),
};

export const enc = encodeURIComponent;
