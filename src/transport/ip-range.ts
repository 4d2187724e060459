// RemoteIPRanges: Exchange's `a.b.c.d`, `a.b.c.d/nn`, `a.b.c.d-e.f.g.h` forms (IPv6 likewise),
// membership, and specificity (a smaller range wins when several receive connectors share a binding).
import { isIPv4, isIPv6 } from 'node:net';

export interface IpRange {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  text: string;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((value, part) => (value << 8n) | BigInt(Number.parseInt(part, 10)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded) {
    const v4 = ipv4ToBigInt(embedded[1]!);
    text = `${text.slice(0, embedded.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailParts];
  return parts.reduce((value, part) => (value << 16n) | BigInt(Number.parseInt(part || '0', 16)), 0n);
}

/** Parses an address to (family, integer); IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as IPv4. */
export function parseAddress(address: string): { family: 4 | 6; value: bigint } | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return { family: 4, value: ipv4ToBigInt(mapped[1]!) };
  if (isIPv4(bare)) return { family: 4, value: ipv4ToBigInt(bare) };
  if (isIPv6(bare)) return { family: 6, value: ipv6ToBigInt(bare) };
  return undefined;
}

export function parseIpRange(text: string): IpRange {
  const trimmed = text.trim();
  const invalid = (): never => {
    throw new SyntaxError(`Cannot parse IP range "${text}"`);
  };
  const slash = trimmed.indexOf('/');
  if (slash >= 0) {
    const base = parseAddress(trimmed.slice(0, slash)) ?? invalid();
    const bits = base.family === 4 ? 32 : 128;
    const prefix = Number.parseInt(trimmed.slice(slash + 1), 10);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) invalid();
    const hostBits = BigInt(bits - prefix);
    const first = (base.value >> hostBits) << hostBits;
    return { family: base.family, first, last: first + (1n << hostBits) - 1n, text: trimmed };
  }
  const dash = trimmed.indexOf('-');
  if (dash >= 0) {
    const first = parseAddress(trimmed.slice(0, dash)) ?? invalid();
    const last = parseAddress(trimmed.slice(dash + 1)) ?? invalid();
    if (first.family !== last.family || first.value > last.value) invalid();
    return { family: first.family, first: first.value, last: last.value, text: trimmed };
  }
  const single = parseAddress(trimmed) ?? invalid();
  return { family: single.family, first: single.value, last: single.value, text: trimmed };
}

export function rangeContains(range: IpRange, address: string): boolean {
  const parsed = parseAddress(address);
  return parsed !== undefined && parsed.family === range.family && parsed.value >= range.first && parsed.value <= range.last;
}

/** The smallest of `ranges` containing `address`, or undefined. */
export function bestMatchingRange(ranges: readonly IpRange[], address: string): IpRange | undefined {
  let best: IpRange | undefined;
  for (const range of ranges) {
    if (!rangeContains(range, address)) continue;
    if (best === undefined || range.last - range.first < best.last - best.first) best = range;
  }
  return best;
}

/** `::ffff:127.0.0.1` → `127.0.0.1` (how Exchange's logs show IPv4 peers). */
export function displayAddress(address: string | undefined): string {
  if (address === undefined) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

export function endpoint(address: string | undefined, port: number | undefined): string {
  if (address === undefined || port === undefined) return '';
  const shown = displayAddress(address);
  return shown.includes(':') ? `[${shown}]:${port}` : `${shown}:${port}`;
}
