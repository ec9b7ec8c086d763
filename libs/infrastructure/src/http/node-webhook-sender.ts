import { type LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type LookupFunction } from 'node:net';

import { type WebhookRequest, type WebhookResponse, WebhookSender } from '@app/domain';

import { hostRefusal, isPublicAddress } from './network-address';

const USER_AGENT = 'instance-provisioner-webhooks/1';

/** Every address a host name resolves to (tests pass their own). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const resolveWithSystem: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface WebhookNetworkOptions {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS: skip the address checks. */
  readonly allowPrivateNetworks: boolean;
  readonly resolve?: ResolveHost;
}

/** Our lookup refused the address; told apart from the network's own errors. */
class AddressNotAllowed extends Error {
  readonly code = 'EADDRNOTALLOWED';
}

/**
 * POSTs with node:http(s). Unless private networks are allowed, the host's addresses are checked when connecting:
 * a literal address before the request, a name inside the socket's `lookup`, which refuses when any address it
 * resolves to is not public and otherwise hands the socket exactly the addresses it checked (no second resolution
 * that DNS rebinding could change). Redirects are not followed (a 3xx is a failed attempt); the body is dropped.
 */
export class NodeWebhookSender extends WebhookSender {
  private readonly lookup?: LookupFunction;

  constructor(private readonly options: WebhookNetworkOptions) {
    super();
    if (!options.allowPrivateNetworks) this.lookup = vettedLookup(options.resolve ?? resolveWithSystem);
  }

  async post(request: WebhookRequest): Promise<WebhookResponse> {
    const url = new URL(request.url);
    if (!this.options.allowPrivateNetworks && hostRefusal(url.hostname)) return refused();
    return new Promise((resolve) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const outgoing: ClientRequest = send(
        url,
        {
          method: 'POST',
          headers: { 'user-agent': USER_AGENT, 'content-length': Buffer.byteLength(request.body), ...request.headers },
          lookup: this.lookup,
          agent: false,
          signal: AbortSignal.timeout(request.timeoutMs),
        },
        (response: IncomingMessage) => {
          resolve({ status: response.statusCode ?? 0 });
          response.destroy();
        },
      );
      outgoing.on('error', (error) => resolve({ status: null, error: describe(error, request.timeoutMs) }));
      outgoing.end(request.body);
    });
  }
}

/** A socket `lookup` that resolves once and refuses unless every address is public; exported for its tests. */
export function vettedLookup(resolveHost: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) {
          callback(new AddressNotAllowed(), '', 0);
        } else if (options.all) {
          (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

function refused(): WebhookResponse {
  return { status: null, error: 'delivery refused: address not allowed' };
}

/**
 * Why no answer came, in a few generic words: never the URL (it may carry credentials) and never the socket's error
 * code, which would tell a closed port from another service and make the deliveries log a port scanner.
 */
function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; cause?: unknown };
  if (e?.code === 'EADDRNOTALLOWED' || e?.cause instanceof AddressNotAllowed) return refused().error!;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  return 'connection failed';
}
