import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/**
 * By default, webhooks may not reach loopback, private, link-local, multicast or unspecified addresses: neither when
 * registered (a literal address or a localhost name) nor when delivered (every address the name resolves to, and the
 * connection goes to the address that was checked).
 */
describe('webhook network policy', () => {
  describe('registration (WEBHOOK_ALLOW_PRIVATE_NETWORKS unset)', () => {
    let stack: TestStack;

    beforeAll(async () => {
      stack = await TestStack.start({ worker: false });
    });

    afterAll(async () => {
      await stack.stop();
    });

    it.each([
      'http://127.0.0.1:6379',
      'http://127.0.0.1:5432/',
      'http://localhost:8080/hook',
      'http://LOCALHOST./',
      'http://api.localhost/',
      'http://[::1]:8080/',
      'http://0.0.0.0/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://224.0.0.1/',
      'http://[ff02::1]/',
      'http://255.255.255.255/',
      'http://[::]/',
      'https://user:pw@127.0.0.1/',
    ])('refuses %s with 400 naming the url', async (url) => {
      const res = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
        body: { url, eventTypes: ['instance.created'] },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 3, message: expect.stringContaining('url') });
      expect(res.body.details[0].fieldViolations[0].field).toBe('url');
      expect(JSON.stringify(res.body)).not.toContain('pw@');
    });

    it('accepts public addresses and names', async () => {
      for (const url of ['https://hooks.example.com/in', 'http://93.184.215.14:8080/', 'http://[2606:4700::1111]/']) {
        const res = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
          body: { url, eventTypes: ['instance.created'] },
        });
        expect(res.status).toBe(200);
      }
    });
  });

  describe('delivery', () => {
    let stack: TestStack;
    let listener: Server;
    let connections = 0;

    beforeAll(async () => {
      // The API may register loopback URLs, the worker may not deliver to them: what a DNS answer that changed to a
      // loopback address after registration looks like.
      stack = await TestStack.start({
        worker: false,
        config: {
          WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
          WEBHOOK_RELAY_INTERVAL_MS: '200',
          WEBHOOK_ATTEMPTS: '2',
          WEBHOOK_BACKOFF_MS: '50',
        },
      });
      await stack.startWorker({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' });
      listener = createServer((_req, res) => res.end());
      listener.on('connection', () => connections++);
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      await stack.stop();
      await new Promise((resolve) => listener.close(resolve));
    });

    it('refuses, at delivery time, a name that resolves to loopback and a loopback address, and records a generic reason', async () => {
      const port = (listener.address() as AddressInfo).port;
      const ids: string[] = [];
      for (const url of [`http://localhost:${port}/hook`, `http://127.0.0.1:${port}/hook`]) {
        const res = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
          body: { url, eventTypes: ['instance.created'] },
        });
        expect(res.status).toBe(200);
        ids.push(res.body.webhook.id);
      }
      await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: { instanceName: 'Rebound' } });
      for (const id of ids) {
        const [delivery] = await until(`webhook ${id} to give up`, async () => {
          const res = await http(stack.baseUrl, 'GET', `/system/v1/webhooks/${id}/deliveries`);
          return res.body.result[0]?.status === 'FAILED' && res.body.result;
        });
        expect(delivery).toMatchObject({ error: 'delivery refused: address not allowed' });
        expect(delivery.responseStatus).toBeUndefined();
        expect(delivery.attempts.map((a: { error: string }) => a.error)).toEqual(
          Array(2).fill('delivery refused: address not allowed'),
        );
      }
      expect(connections).toBe(0);
    });
  });
});
