import { randomUUID } from 'node:crypto';

import { http, type HttpAnswer } from '../support/system-api';
import { TestStack } from '../support/test-stack';

const MUTATING = ['post', 'put', 'patch', 'delete'];

/** Every mutating route under /system that the running Express app serves, as "METHOD /path/:param". */
function mutatingSystemRoutes(stack: TestStack): string[] {
  const express = stack.api.getHttpAdapter().getInstance();
  const routes = new Set<string>();
  for (const layer of express.router.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>) {
    // The catch-all that answers unimplemented ZITADEL methods (501) changes nothing.
    if (!layer.route || !layer.route.path.startsWith('/system/') || layer.route.path.includes('*')) continue;
    for (const method of Object.keys(layer.route.methods).filter((m) => MUTATING.includes(m))) {
      routes.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return [...routes].sort();
}

/**
 * README: "Every mutating System API call accepts an Idempotency-Key header". Each route gets a request that
 * succeeds, sent twice with one key; the second must be the first answer replayed. A route the app serves without an
 * entry here fails the test, so that a new route cannot skip idempotency unnoticed.
 */
describe('Idempotency-Key on every mutating System API route', () => {
  let stack: TestStack;
  let instanceId: string;
  let operationId: string;
  let webhookId: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: { instanceName: 'Keyed routes' },
    });
    instanceId = created.body.instanceId;
    [{ id: operationId }] = await stack.db.query<{ id: string }>('SELECT id FROM operations WHERE instance_id = $1', [
      instanceId,
    ]);
    await http(stack.baseUrl, 'POST', `/system/v1/instances/${instanceId}/domains`, {
      body: { domain: 'keyed-routes-2.example.com' },
    });
    const hook = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
      body: { url: 'https://hooks.example.com/keyed', eventTypes: ['instance.created'] },
    });
    webhookId = hook.body.webhook.id;
  });

  afterAll(async () => {
    await stack.stop();
  });

  /** One successful request per route; the order matters (the instance is removed last). */
  const requests: Array<[string, () => [string, object?]]> = [
    ['POST /system/v1/instances/_create', () => ['/system/v1/instances/_create', { instanceName: 'Keyed create' }]],
    [
      'POST /system/v1/instances',
      () => [
        '/system/v1/instances',
        { instanceName: 'Keyed add', ownerUserName: 'owner', ownerEmail: { email: 'owner@keyed.example' } },
      ],
    ],
    ['POST /system/v1/instances/_search', () => ['/system/v1/instances/_search', {}]],
    [
      'PUT /system/v1/instances/:instanceId',
      () => [`/system/v1/instances/${instanceId}`, { instanceName: 'Keyed routes renamed' }],
    ],
    [
      'POST /system/v1/instances/:instanceId/domains/_search',
      () => [`/system/v1/instances/${instanceId}/domains/_search`, {}],
    ],
    [
      'POST /system/v1/instances/:instanceId/domains',
      () => [`/system/v1/instances/${instanceId}/domains`, { domain: 'keyed-routes.example.com' }],
    ],
    [
      'POST /system/v1/instances/:instanceId/domains/_set_primary',
      () => [`/system/v1/instances/${instanceId}/domains/_set_primary`, { domain: 'keyed-routes.example.com' }],
    ],
    [
      'DELETE /system/v1/instances/:instanceId/domains/:domain',
      () => [`/system/v1/instances/${instanceId}/domains/keyed-routes-2.example.com`],
    ],
    [
      'POST /system/v1/instances/:instanceId/members/_search',
      () => [`/system/v1/instances/${instanceId}/members/_search`, {}],
    ],
    ['POST /system/v1/domains/:domain/_exists', () => ['/system/v1/domains/keyed-routes.example.com/_exists', {}]],
    [
      'PUT /system/v1/instances/:instanceId/limits',
      () => [`/system/v1/instances/${instanceId}/limits`, { maxUsers: 5 }],
    ],
    ['DELETE /system/v1/instances/:instanceId/limits', () => [`/system/v1/instances/${instanceId}/limits`]],
    [
      'PUT /system/v1/instances/limits/_bulk',
      () => ['/system/v1/instances/limits/_bulk', { limits: [{ instanceId, block: false }] }],
    ],
    [
      'POST /system/v1/instances/:instanceId/quotas',
      () => [
        `/system/v1/instances/${instanceId}/quotas`,
        { unit: 'UNIT_REQUESTS_ALL_AUTHENTICATED', resetInterval: '3600s', amount: '10' },
      ],
    ],
    [
      'PUT /system/v1/instances/:instanceId/quotas',
      () => [
        `/system/v1/instances/${instanceId}/quotas`,
        { unit: 'UNIT_REQUESTS_ALL_AUTHENTICATED', resetInterval: '3600s', amount: '20' },
      ],
    ],
    [
      'DELETE /system/v1/instances/:instanceId/quotas/:unit',
      () => [`/system/v1/instances/${instanceId}/quotas/UNIT_REQUESTS_ALL_AUTHENTICATED`],
    ],
    ['POST /system/v1/operations/:operationId/_cancel', () => [`/system/v1/operations/${operationId}/_cancel`, {}]],
    [
      'POST /system/v1/webhooks',
      () => ['/system/v1/webhooks', { url: 'https://hooks.example.com/keyed-again', eventTypes: ['instance.failed'] }],
    ],
    ['DELETE /system/v1/webhooks/:webhookId', () => [`/system/v1/webhooks/${webhookId}`]],
    ['DELETE /system/v1/instances/:instanceId', () => [`/system/v1/instances/${instanceId}`]],
  ];

  it('has a request below for each mutating route the app serves', () => {
    expect(requests.map(([route]) => route).sort()).toEqual(mutatingSystemRoutes(stack));
  });

  it.each(requests)('%s replays the first answer for the same key', async (route, request) => {
    const method = route.split(' ')[0];
    const [path, body] = request();
    const headers = { 'Idempotency-Key': `key-${randomUUID()}` };
    const send = (): Promise<HttpAnswer> => http(stack.baseUrl, method, path, { body, headers });
    const first = await send();
    expect(first.status).toBeLessThan(300);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
  });

  it('gives a webhook registration replayed with its key the same webhook, and creates no second one', async () => {
    const headers = { 'Idempotency-Key': 'one-webhook' };
    const body = { url: 'https://hooks.example.com/once', eventTypes: ['instance.created'] };
    const answers = await Promise.all(
      [1, 2, 3].map(() => http(stack.baseUrl, 'POST', '/system/v1/webhooks', { body, headers })),
    );
    expect(new Set(answers.map((a) => a.body.webhook.id)).size).toBe(1);
    const rows = await stack.db.query('SELECT id FROM webhooks WHERE url = $1', [body.url]);
    expect(rows).toHaveLength(1);
  });
});
