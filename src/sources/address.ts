/**
 * Classifies IP addresses for the SSRF guard: which ones a public-news fetcher must never connect to
 * (loopback, private, carrier-grade NAT, link-local incl. cloud metadata, unspecified, multicast,
 * reserved and documentation ranges), including IPv4 addresses embedded in IPv6 forms
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Pure: no DNS, no I/O.
 */
import { isIPv4, isIPv6 } from 'node:net';

interface Range {
  /** Network bytes (4 for IPv4, 16 for IPv6). */
  net: number[];
  bits: number;
  why: string;
}

const v4 = (a: number, b: number, c: number, d: number, bits: number, why: string): Range => ({
  net: [a, b, c, d],
  bits,
  why,
});

// Sources: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890 and updates).
const V4_BLOCKED: Range[] = [
  v4(0, 0, 0, 0, 8, 'unspecified'),
  v4(10, 0, 0, 0, 8, 'private'),
  v4(100, 64, 0, 0, 10, 'carrier-grade NAT'),
  v4(127, 0, 0, 0, 8, 'loopback'),
  v4(169, 254, 0, 0, 16, 'link-local'),
  v4(172, 16, 0, 0, 12, 'private'),
  v4(192, 0, 0, 0, 24, 'IETF protocol assignments'),
  v4(192, 0, 2, 0, 24, 'documentation'),
  v4(192, 88, 99, 0, 24, '6to4 relay anycast'),
  v4(192, 168, 0, 0, 16, 'private'),
  v4(198, 18, 0, 0, 15, 'benchmarking'),
  v4(198, 51, 100, 0, 24, 'documentation'),
  v4(203, 0, 113, 0, 24, 'documentation'),
  v4(224, 0, 0, 0, 4, 'multicast'),
  v4(240, 0, 0, 0, 4, 'reserved'),
];

const v6 = (prefix: number[], bits: number, why: string): Range => {
  const net = new Array<number>(16).fill(0);
  prefix.forEach((byte, i) => (net[i] = byte));
  return { net, bits, why };
};

const V6_BLOCKED: Range[] = [
  v6([], 128, 'unspecified'),
  v6([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback'),
  v6([0x01, 0x00], 64, 'discard-only'),
  v6([0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'),
  v6([0xfc], 7, 'unique local (private)'),
  v6([0xfe, 0x80], 10, 'link-local'),
  v6([0xfe, 0xc0], 10, 'site-local (deprecated)'),
  v6([0xff], 8, 'multicast'),
];

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.net[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** The four bytes of a dotted-quad IPv4 address, or undefined. */
export function ipv4Bytes(address: string): number[] | undefined {
  if (!isIPv4(address)) return undefined;
  return address.split('.').map(Number);
}

/** The sixteen bytes of an IPv6 address (zone id ignored), or undefined. */
export function ipv6Bytes(address: string): number[] | undefined {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(plain)) return undefined;
  let text = plain;
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = ipv4Bytes(dotted[1]!) ?? [];
    text = `${text.slice(0, dotted.index)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const fill = rest === undefined ? 0 : 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...new Array<string>(fill).fill('0'), ...restGroups];
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes.length === 16 ? bytes : undefined;
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIPv4(b: number[]): number[] | undefined {
  const zeros = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated)
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12);
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return b.slice(12);
  // ::a.b.c.d (deprecated IPv4-compatible; ::, ::1 are handled as IPv6)
  if (zeros(0, 12) && !(zeros(12, 15) && (b[15] === 0 || b[15] === 1))) return b.slice(12);
  // 64:ff9b::a.b.c.d and 64:ff9b:1::/48 (NAT64)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return b.slice(12);
  // 2002:AABB:CCDD::/48 (6to4)
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  return undefined;
}

/**
 * Why `address` (an IP literal) must not be fetched — e.g. 'loopback', 'private' — or undefined when it
 * is a public unicast address. Anything that is not a valid IP literal counts as blocked.
 */
export function blockedReason(address: string): string | undefined {
  const b4 = ipv4Bytes(address);
  if (b4) return V4_BLOCKED.find((r) => inRange(b4, r))?.why;
  const b6 = ipv6Bytes(address);
  if (!b6) return 'not an IP address';
  const direct = V6_BLOCKED.find((r) => inRange(b6, r))?.why;
  if (direct) return direct;
  const inner = embeddedIPv4(b6);
  if (inner) {
    const why = V4_BLOCKED.find((r) => inRange(inner, r))?.why;
    if (why) return `${why} (embedded in IPv6)`;
  }
  return undefined;
}
