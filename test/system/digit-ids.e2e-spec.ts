import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { IdGenerator } from '@app/domain';

import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/**
 * A 16-hex id is all decimal digits about once in 1,800 draws, and BullMQ refuses a custom job id that reads as an
 * integer. Here every new id is all digits: the operation's and each delivery's job must still be queued and run.
 */
describe('ids made only of decimal digits', () => {
  let stack: TestStack;
  let receiver: Server;
  const received: string[] = [];

  /** 16 digits below 2^53, so that parseInt gives the same string back (what BullMQ checks). */
  function digitId(): string {
    return `${1 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e15)).padStart(15, '0')}`;
  }

  beforeAll(async () => {
    stack = await TestStack.start({
      config: { WEBHOOK_RELAY_INTERVAL_MS: '200', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    for (const app of [stack.api, ...stack.workers])
      jest.spyOn(app.get(IdGenerator), 'newId').mockImplementation(digitId);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push(body);
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await stack.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('provisions the instance and delivers its webhooks', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = await http(stack.baseUrl, 'POST', '/system/v1/webhooks', {
      body: { url, eventTypes: ['instance.created'] },
    });
    expect(hook.status).toBe(200);

    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: { instanceName: 'Digits' } });
    expect(res.status).toBe(200);
    const [operation] = await stack.db.query<{ id: string; state: string }>(
      'SELECT id, state FROM operations WHERE instance_id = $1',
      [res.body.instanceId],
    );
    expect(operation).toEqual({ id: expect.stringMatching(/^\d{16}$/), state: 'SUCCEEDED' });

    await until('the instance.created delivery', () => received.some((b) => b.includes(res.body.instanceId)));
    // The worker records the outcome only after the receiver has answered: wait until it is no longer PENDING.
    const deliveries = await until('the delivery outcome', async () => {
      const rows = await stack.db.query<{ id: string; status: string }>(
        'SELECT id, status FROM webhook_deliveries WHERE webhook_id = $1',
        [hook.body.webhook.id],
      );
      return rows.some((row) => row.status === 'PENDING') ? null : rows;
    });
    expect(deliveries).toEqual([{ id: expect.stringMatching(/^\d{16}$/), status: 'SUCCEEDED' }]);
  });
});
