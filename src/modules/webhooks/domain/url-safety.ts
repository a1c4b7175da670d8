import { BlockList, isIP } from 'node:net';

export interface UrlPolicy {
  /** Plain http:// (development only). */
  allowInsecure: boolean;
  /** Loopback, private, link-local … addresses (development and tests only). */
  allowPrivate: boolean;
}

/**
 * Ranges a webhook must never reach (SSRF): unspecified, loopback, private, shared (CGNAT),
 * link-local (cloud metadata at 169.254.169.254), documentation, benchmarking, multicast,
 * reserved and broadcast; IPv6 unique-local, link-local, site-local, multicast, discard,
 * documentation, Teredo and 6to4 (which tunnel to IPv4 addresses of their choosing).
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::', 96],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/** IPv6 forms that carry an IPv4 address: mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96). */
const EMBEDDED_IPV4 =
  /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i;

/** The IPv4 address an IPv6 address stands for, if it is one of the forms that embed one. */
function embeddedIpv4(address: string): string | null {
  const match = EMBEDDED_IPV4.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = parseInt(match[2], 16);
  const low = parseInt(match[3], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether a resolved address is one a webhook may never be sent to. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return FORBIDDEN.check(bare, 'ipv4');
  if (family !== 6) return true;
  const ipv4 = embeddedIpv4(bare.toLowerCase());
  if (ipv4 !== null) return FORBIDDEN.check(ipv4, 'ipv4');
  return FORBIDDEN.check(bare, 'ipv6');
}

export type UrlProblem = 'invalid' | 'scheme' | 'credentials' | 'address';

export interface ParsedEndpointUrl {
  url: URL;
  /** Host name or literal address, without IPv6 brackets. */
  host: string;
  /** The host is an address literal (then no lookup is needed). */
  literal: boolean;
}

/**
 * Parses an endpoint URL the way WHATWG URL (and so every HTTP client here) reads it: odd IPv4
 * spellings such as `http://2130706433/` or `http://0x7f.1/` become 127.0.0.1 before any check.
 */
export function parseEndpointUrl(
  text: string,
  policy: UrlPolicy,
): ParsedEndpointUrl | { problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  const schemes = policy.allowInsecure ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return { problem: 'scheme' };
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') return { problem: 'invalid' };
  const literal = isIP(host) !== 0;
  if (literal && !policy.allowPrivate && isForbiddenAddress(host)) return { problem: 'address' };
  return { url, host, literal };
}

export const URL_PROBLEMS: Record<UrlProblem | 'unresolvable', string> = {
  invalid: 'url must be a valid absolute URL',
  scheme: 'url must use https://',
  credentials: 'url must not contain a user name or password',
  address: 'url must not point to a loopback, private, link-local or metadata address',
  unresolvable: 'url host name could not be resolved',
};
