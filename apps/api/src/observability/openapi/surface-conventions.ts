import type {
  HeadersObject,
  OperationObject,
  ResponseObject,
  ResponsesObject,
  SecurityRequirementObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

import { type RouteAnswers } from './route-answers';

/**
 * What the three surfaces have in common, applied to every operation of the document: who may call it (security)
 * and the errors it answers, in the surface's error body.
 */
export type Surface = 'system' | 'tenant' | 'operations';

export function surfaceOf(path: string): Surface {
  if (path === '/system/v1/healthz' || !/^\/(system\/v1|api\/v2)\//.test(path)) return 'operations';
  return path.startsWith('/api/') ? 'tenant' : 'system';
}

export const SURFACE_TAGS: Record<Surface, string> = {
  system: 'System API (ZITADEL-style)',
  tenant: 'Tenant API (InfluxDB v2)',
  operations: 'Operations',
};

/** Routes anyone may call: the operations endpoints, and onboarding, which is found by the Host and claim header. */
export const PUBLIC_ROUTES = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /system/v1/healthz',
  'GET /api/v2/setup',
  'POST /api/v2/setup',
  'GET /api/v2/setup/operations/{operationId}',
]);

/** Tenant routes with other credentials than a token or the session cookie. */
const TENANT_SECURITY: Record<string, SecurityRequirementObject[]> = {
  'POST /api/v2/signin': [{ basic: [] }],
  // The session cookie together with Basic credentials carrying the old password.
  'PUT /api/v2/me/password': [{ session: [], basic: [] }],
};

export function securityOf(route: string, surface: Surface): SecurityRequirementObject[] {
  if (PUBLIC_ROUTES.has(route) || surface === 'operations') return [];
  if (surface === 'system') return [{ system: [] }];
  return TENANT_SECURITY[route] ?? [{ tenant: [] }, { session: [] }];
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid argument (the message names the field)',
  401: 'Missing or invalid credentials, or a permission the caller lacks (tenant API)',
  403: 'Forbidden: a read-only system user, an inactive user, or a quota of the instance',
  404: 'Not found (ids of another instance too)',
  409: 'Already exists (a domain taken, ...)',
  413: 'Request body larger than 1 MiB',
  422: 'Unprocessable: a conflict, or an Idempotency-Key reused with another request',
  429: 'Too many requests: the instance is blocked, or too many sign-in attempts (Retry-After)',
  500: 'Internal error (the message carries an error id for the logs)',
};

/** The errors each route can answer, from its surface, its method and whether it takes a body. */
export function errorStatusesOf(route: string, surface: Surface, takesBody: boolean): number[] {
  if (surface === 'operations') return [];
  const method = route.split(' ')[0];
  const statuses = [400, 401, 403, 404, 500];
  if (takesBody) statuses.push(413);
  if (surface === 'tenant') statuses.push(422, 429);
  else if (method !== 'GET') statuses.push(409, ...(route.includes('/webhooks') ? [] : [422]));
  return statuses.sort((a, b) => a - b);
}

const CLAIM_HEADER = {
  'X-Operation-Claim': {
    description: 'Send it back as X-Operation-Claim to read the token when polling',
    schema: { type: 'string' },
  },
};
const PENDING_HEADERS: HeadersObject = {
  Location: { description: 'Where to poll the operation', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before polling', schema: { type: 'integer' } },
};

/** Media types of the answers that are not JSON. */
const MEDIA_TYPE_OF: Record<string, string> = {
  PrometheusText: 'text/plain',
  OperationEventStream: 'text/event-stream',
};

function answer(status: number, schema: string | null, route: string): ResponseObject {
  const headers: HeadersObject =
    status === 202 ? { ...PENDING_HEADERS, ...(route.startsWith('POST /api/v2/setup') ? CLAIM_HEADER : {}) } : {};
  if (route === 'POST /api/v2/signin')
    headers['Set-Cookie'] = { description: 'The session cookie influxdb-oss-session', schema: { type: 'string' } };
  const description =
    status === 202 ? 'Accepted: the operation is still running' : status === 503 ? 'A check failed' : 'Success';
  return {
    description,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(schema
      ? {
          content: {
            [MEDIA_TYPE_OF[schema] ?? 'application/json']: { schema: { $ref: `#/components/schemas/${schema}` } },
          },
        }
      : {}),
  };
}

function errorAnswer(status: number, surface: Surface): ResponseObject {
  const schema = { $ref: `#/components/schemas/${surface === 'tenant' ? 'Error' : 'SystemError'}` };
  return {
    description: ERROR_DESCRIPTIONS[status],
    ...(surface === 'tenant'
      ? {
          headers: {
            'X-Platform-Error-Code': { description: 'The error code of the body', schema: { type: 'string' } },
          },
        }
      : {}),
    content: { 'application/json': { schema } },
  };
}

/** Sets the security, tag and answers (successes from the route table, errors from the surface) of one operation. */
export function applySurfaceConventions(
  route: string,
  path: string,
  operation: OperationObject,
  answers: RouteAnswers | undefined,
): void {
  const surface = surfaceOf(path);
  operation.tags = [SURFACE_TAGS[surface]];
  const security = securityOf(route, surface);
  if (security.length) operation.security = security;
  else delete operation.security;
  if (!answers) return; // left as Nest made it: the document test names the route
  const responses: ResponsesObject = {};
  for (const [status, schema] of Object.entries(answers)) responses[status] = answer(Number(status), schema, route);
  for (const status of errorStatusesOf(route, surface, operation.requestBody !== undefined))
    responses[status] ??= errorAnswer(status, surface);
  operation.responses = responses;
}
