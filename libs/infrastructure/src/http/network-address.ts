import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set: this host, private networks, cloud
 * metadata (link-local), multicast, broadcast, unspecified and reserved ranges. BlockList checks IPv4-mapped IPv6
 * addresses (::ffff:a.b.c.d) against the IPv4 rules.
 */
const NOT_PUBLIC_IPV4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
];
const NOT_PUBLIC_IPV6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of NOT_PUBLIC_IPV4) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of NOT_PUBLIC_IPV6) NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address (v4 or v6, without brackets) is a public unicast one; anything else is false. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export const ADDRESS_NOT_ALLOWED =
  'must not point to a loopback, private, link-local, multicast or unspecified address (see WEBHOOK_ALLOW_PRIVATE_NETWORKS)';

/**
 * Why a URL's host, as written, may not receive webhooks, or null. `hostname` comes from WHATWG URL, which already
 * turned `2130706433`, `0x7f.1` and `127.1` into 127.0.0.1 and compressed IPv6. Names other than localhost are
 * checked when delivering, on what they resolve to.
 */
export function hostRefusal(hostname: string): string | null {
  const host = hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host)) return isPublicAddress(host) ? null : ADDRESS_NOT_ALLOWED;
  if (host === 'localhost' || host.endsWith('.localhost')) return ADDRESS_NOT_ALLOWED;
  return null;
}
