// Answers for Resolve-DnsName: the lab's records first (lab-names.ts: a lab domain's MX and A, its
// mail host's and the lab computers' A), then the system's DNS through node:dns (the hosts file too
// for A/AAAA, as Windows' resolver reads it). TTLs node does not report (MX, NS, TXT...) show as 0.
import { promises as dns } from 'node:dns';
import net from 'node:net';
import type { Session } from '../../../src/runtime/session.ts';
import { LAB_MX_PREFERENCE, LAB_TTL, labAddress, labMailHost } from './lab-names.ts';
import type { RecordData, RecordType } from './dns-records.ts';

export class DnsLookupError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
  ) {
    super(message);
  }
}

/** The lab's records for a name, or undefined when the lab does not know it. */
export function labRecords(session: Session, name: string, type: RecordType): RecordData[] | undefined {
  const mail = labMailHost(session, name);
  const address = labAddress(session, name);
  if (!mail && !address) return undefined;
  const out: RecordData[] = [];
  if (mail && type === 'MX') out.push({ name, type: 'MX', ttl: LAB_TTL, data: { NameExchange: mail.host, Preference: LAB_MX_PREFERENCE } });
  if (address && (type === 'A' || type === 'A_AAAA')) out.push({ name, type: 'A', ttl: LAB_TTL, data: { IPAddress: address } });
  return out;
}

function failure(name: string, e: unknown): DnsLookupError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN') return new DnsLookupError(`${name} : DNS name does not exist`, 'DNS_ERROR_RCODE_NAME_ERROR');
  if (code === 'ETIMEOUT') return new DnsLookupError(`${name} : This operation returned because the timeout period expired`, 'ERROR_TIMEOUT');
  return new DnsLookupError(`${name} : DNS server failure`, 'DNS_ERROR_RCODE_SERVER_FAILURE');
}

async function addressRecords(name: string, type: 'A' | 'AAAA' | 'A_AAAA'): Promise<RecordData[]> {
  const families: ('A' | 'AAAA')[] = type === 'A_AAAA' ? ['AAAA', 'A'] : [type];
  const out: RecordData[] = [];
  let firstError: unknown;
  for (const family of families) {
    try {
      const found = family === 'A' ? await dns.resolve4(name, { ttl: true }) : await dns.resolve6(name, { ttl: true });
      out.push(...found.map((r) => ({ name, type: family, ttl: r.ttl, data: { IPAddress: r.address } })));
    } catch (e) {
      firstError ??= e;
    }
  }
  if (out.length > 0) return out;
  // Not in DNS: the hosts file (localhost), which Windows' resolver answers from too.
  try {
    const local = await dns.lookup(name, { all: true, verbatim: true });
    const wanted = local.filter((a) => type === 'A_AAAA' || (type === 'A' ? a.family === 4 : a.family === 6));
    if (wanted.length > 0) return wanted.map((a) => ({ name, type: a.family === 4 ? 'A' : 'AAAA', ttl: 0, data: { IPAddress: a.address } }));
  } catch {
    // the DNS error below says more
  }
  throw failure(name, firstError);
}

/** The system DNS's records of one type for a name (throws DnsLookupError). */
export async function systemRecords(name: string, type: RecordType): Promise<RecordData[]> {
  if (type === 'A' || type === 'AAAA' || type === 'A_AAAA') return addressRecords(name, type);
  try {
    switch (type) {
      case 'MX':
        return (await dns.resolveMx(name)).map((r) => ({ name, type, ttl: 0, data: { NameExchange: r.exchange, Preference: r.priority } }));
      case 'NS':
        return (await dns.resolveNs(name)).map((host) => ({ name, type, ttl: 0, data: { NameHost: host } }));
      case 'CNAME':
        return (await dns.resolveCname(name)).map((host) => ({ name, type, ttl: 0, data: { NameHost: host } }));
      case 'TXT':
        return (await dns.resolveTxt(name)).map((strings) => ({ name, type, ttl: 0, data: { Strings: strings } }));
      case 'PTR': {
        const hosts = net.isIP(name) ? await dns.reverse(name) : await dns.resolvePtr(name);
        const owner = net.isIPv4(name) ? `${name.split('.').reverse().join('.')}.in-addr.arpa` : name;
        return hosts.map((host) => ({ name: owner, type, ttl: 0, data: { NameHost: host } }));
      }
    }
  } catch (e) {
    throw failure(name, e);
  }
}
