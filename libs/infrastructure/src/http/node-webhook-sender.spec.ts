import { type LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';

import { NodeWebhookSender, type ResolveHost, vettedLookup } from './node-webhook-sender';

const REFUSED = 'delivery refused: address not allowed';

/** A real listener on 127.0.0.1 that counts connections and answers `status`. */
async function listen(status = 200): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = status;
      res.setHeader('location', '/elsewhere');
      res.end('body that is dropped');
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

const post = (sender: NodeWebhookSender, url: string, timeoutMs = 5000) =>
  sender.post({ url, headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs });

describe('NodeWebhookSender', () => {
  const servers: TcpServer[] = [];
  const sockets = new Set<{ destroy: () => void }>();
  const track = (server: TcpServer) => {
    servers.push(server);
    server.on('connection', (socket: { destroy: () => void }) => sockets.add(socket));
  };
  afterAll(async () => {
    // close() waits for open connections (the silent server holds one): end them first.
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }, 20_000);

  it('with private networks allowed, posts to a loopback receiver and follows no redirect', async () => {
    const receiver = await listen(302);
    track(receiver.server);
    const sender = new NodeWebhookSender({ allowPrivateNetworks: true });
    await expect(post(sender, `http://127.0.0.1:${receiver.port}/hook`)).resolves.toEqual({ status: 302 });
    expect(receiver.connections()).toBe(1);
  });

  it('refuses a name whose DNS answer is loopback, resolving it once and never connecting', async () => {
    const receiver = await listen();
    track(receiver.server);
    const asked: string[] = [];
    const resolve: ResolveHost = async (hostname) => {
      asked.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const sender = new NodeWebhookSender({ allowPrivateNetworks: false, resolve });
    await expect(post(sender, `http://rebound.test:${receiver.port}/hook`)).resolves.toEqual({
      status: null,
      error: REFUSED,
    });
    expect(asked).toEqual(['rebound.test']);
    expect(receiver.connections()).toBe(0);
  });

  it('refuses when any of the addresses is not public, and a literal loopback address without resolving', async () => {
    const resolve = jest.fn<Promise<LookupAddress[]>, [string]>(async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '::ffff:10.0.0.7', family: 6 },
    ]);
    const sender = new NodeWebhookSender({ allowPrivateNetworks: false, resolve });
    await expect(post(sender, 'https://mixed.test/hook')).resolves.toEqual({ status: null, error: REFUSED });
    expect(resolve).toHaveBeenCalledTimes(1);
    for (const url of ['http://127.0.0.1:6379/', 'http://[::1]/', 'http://localhost/']) {
      await expect(post(sender, url)).resolves.toEqual({ status: null, error: REFUSED });
    }
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('hands the socket exactly the addresses it checked, in both lookup forms', async () => {
    const addresses = [
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ];
    const lookup = vettedLookup(async () => addresses);
    const all = await new Promise((resolve) =>
      lookup('public.test', { all: true }, (err, result) => resolve([err, result])),
    );
    expect(all).toEqual([null, addresses]);
    const one = await new Promise((resolve) =>
      lookup('public.test', {}, (err, address, family) => resolve([err, address, family])),
    );
    expect(one).toEqual([null, '93.184.215.14', 4]);
  });

  it('says the same generic words for a closed port and for a service that is not HTTP (no port scanner)', async () => {
    const notHttp = createTcpServer((socket) => socket.end('-ERR unknown command\r\n'));
    await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
    track(notHttp);
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sender = new NodeWebhookSender({ allowPrivateNetworks: true });
    const answers = [
      await post(sender, `http://127.0.0.1:${(notHttp.address() as AddressInfo).port}/`),
      await post(sender, `http://127.0.0.1:${closedPort}/`),
    ];
    expect(answers).toEqual([
      { status: null, error: 'connection failed' },
      { status: null, error: 'connection failed' },
    ]);
  });

  it('gives up after the timeout', async () => {
    const silent = createTcpServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    track(silent);
    const sender = new NodeWebhookSender({ allowPrivateNetworks: true });
    await expect(post(sender, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, 200)).resolves.toEqual({
      status: null,
      error: 'no answer within 0.2 s',
    });
  });
});
