import { WebhookDeliveryQueue } from '@app/domain';
import IORedis from 'ioredis';

import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/** Redis connections whose name says they belong to this stack's queue prefix. */
async function connectionsOf(stack: TestStack): Promise<string[]> {
  const redis = new IORedis(stack.redis.url);
  try {
    const list = (await redis.client('LIST')) as string;
    return list
      .split('\n')
      .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '')
      .filter((name) => name.startsWith(`${stack.redis.prefix}:`));
  } finally {
    redis.disconnect();
  }
}

describe('Shutdown', () => {
  it('closes every Redis connection of the API and the worker, even while the webhook relay is busy', async () => {
    const stack = await TestStack.start({ config: { WEBHOOK_RELAY_INTERVAL_MS: '50' } });
    let stopped = false;
    try {
      await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
        body: { url: 'http://127.0.0.1:9/hook', eventTypes: ['instance.created'] },
      });
      const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
        body: fullCreateRequest('shutdown'),
        headers: { Prefer: 'respond-async' },
      });
      expect(res.status).toBe(202);
      await until('the connections to be named', async () =>
        (await connectionsOf(stack)).some((name) => name.endsWith(':webhook-relay-worker')),
      );
      const queue = stack.workers[0].get(WebhookDeliveryQueue);
      await stack.stop();
      stopped = true;
      // A relay tick that runs after the queue was closed must not open a new connection.
      await expect(queue.enqueueDeliveries(['0123456789abcdef'])).rejects.toThrow(/closed/);
      expect(await connectionsOf(stack)).toEqual([]);
    } finally {
      if (!stopped) await stack.stop();
    }
  });
});
