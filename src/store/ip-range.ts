// Remote IP ranges of receive connectors (and InternalSMTPServers): a single address
// (`192.168.1.10`), a range (`192.168.1.10-192.168.1.20`) or CIDR (`192.168.1.0/24`), IPv4 or IPv6.
import net from 'node:net';
import { invalidValue } from './store-error.ts';

export interface IpRange {
  /** The text as stored (trimmed). */
  text: string;
  family: 4 | 6;
  start: bigint;
  end: bigint;
}

/** Every IPv4 address: the RemoteIPRanges of Exchange 2007's default receive connectors. */
export const ALL_IPV4 = '0.0.0.0-255.255.255.255';

export function parseIpRange(value: unknown): IpRange {
  const text = typeof value === 'string' ? value.trim() : '';
  const slash = text.indexOf('/');
  const dash = text.indexOf('-');
  if (slash >= 0) {
    const address = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    const family = net.isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || !(prefix >= 0 && prefix <= bits)) throw invalidIpRange(value);
    const host = BigInt(bits - prefix);
    const start = (addressToBigInt(address) >> host) << host;
    return { text, family: family as 4 | 6, start, end: start + (1n << host) - 1n };
  }
  if (dash >= 0) {
    const first = text.slice(0, dash);
    const last = text.slice(dash + 1);
    const family = net.isIP(first);
    if (!family || net.isIP(last) !== family) throw invalidIpRange(value);
    const start = addressToBigInt(first);
    const end = addressToBigInt(last);
    if (start > end) throw invalidIpRange(value);
    return { text, family: family as 4 | 6, start, end };
  }
  const family = net.isIP(text);
  if (!family) throw invalidIpRange(value);
  const address = addressToBigInt(text);
  return { text, family: family as 4 | 6, start: address, end: address };
}

/** Parses and returns the stored text. */
export function canonicalIpRange(value: unknown): string {
  return parseIpRange(value).text;
}

/** `::ffff:127.0.0.1` → `127.0.0.1` (how Exchange's logs show IPv4 peers). */
export function displayAddress(address: string | undefined): string {
  if (address === undefined) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** `address:port`, with brackets around an IPv6 address; empty when either is unknown. */
export function endpoint(address: string | undefined, port: number | undefined): string {
  if (address === undefined || port === undefined) return '';
  const shown = displayAddress(address);
  return shown.includes(':') ? `[${shown}]:${port}` : `${shown}:${port}`;
}

/** Whether an address (IPv4, IPv6, or IPv4-mapped IPv6 such as `::ffff:127.0.0.1`) is in the range. */
export function ipRangeContains(range: IpRange | string, address: string): boolean {
  const parsed = typeof range === 'string' ? parseIpRange(range) : range;
  const plain = displayAddress(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  const family = net.isIP(plain);
  if (family !== parsed.family) return false;
  const value = addressToBigInt(plain);
  return value >= parsed.start && value <= parsed.end;
}

/** The smallest of `ranges` containing `address` (the most specific wins), or undefined. */
export function bestMatchingRange(ranges: readonly IpRange[], address: string): IpRange | undefined {
  let best: IpRange | undefined;
  for (const range of ranges) {
    if (!ipRangeContains(range, address)) continue;
    if (best === undefined || range.end - range.start < best.end - best.start) best = range;
  }
  return best;
}

/** The duplicate key of a range: its numeric bounds. */
export function ipRangeKey(text: string): string {
  const parsed = parseIpRange(text);
  return `${parsed.family}:${parsed.start}-${parsed.end}`;
}

export function addressToBigInt(address: string): bigint {
  if (net.isIPv4(address)) {
    return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
  }
  let text = address;
  let tail: bigint[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const value = addressToBigInt(v4[1]!);
    tail = [value >> 16n, value & 0xffffn];
    text = text.slice(0, -v4[1]!.length) + '0:0';
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...restGroups].map((g) => BigInt(parseInt(g, 16)));
  if (tail.length) groups.splice(6, 2, ...tail);
  return groups.reduce((acc, group) => (acc << 16n) | group, 0n);
}

function invalidIpRange(value: unknown): Error {
  return invalidValue(
    `"${String(value)}" isn't a valid IP address range; use a single address (192.168.1.10), ` +
      'a range (192.168.1.10-192.168.1.20) or CIDR notation (192.168.1.0/24).',
    'InvalidIPRange',
    value,
  );
}

/** The address text of a number from addressToBigInt (IPv6 in its full, uncompressed form). */
export function bigIntToAddress(value: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
  return groups.join(':');
}
