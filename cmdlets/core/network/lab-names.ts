// What the lab's DNS answers, before the system resolver: the registry of lab domains (lab-dns.ts,
// a domain → the loopback endpoint of its Edge) and the registry of lab computers (lab-machines.ts,
// every server Initialize-LabOrganization made). A lab domain has one MX record, its mail host: the
// local Edge of the organisation that registered it, else `mail.<domain>` (a Set-LabDnsRecord
// partner); that host, every lab computer and the domain itself have an A record on the loopback.
import net from 'node:net';
import type { Session } from '../../../src/runtime/session.ts';
import { LabDnsRegistry, type LabDomainEntry } from '../../../src/store/lab-dns.ts';
import { LabMachineRegistry, type LabMachine } from '../../../src/store/lab-machines.ts';
import { sessionStateRoot } from '../../../src/providers/install.ts';

/** The TTL the lab's records carry (an hour, as a typical zone's default). */
export const LAB_TTL = 3600;
export const LAB_MX_PREFERENCE = 10;

export interface LabMailHost {
  domain: string;
  /** The MX record's NameExchange. */
  host: string;
  /** The loopback address the host's name has. */
  address: string;
  /** The port the domain's Edge listens on (from the DNS registry). */
  port: number;
}

function registries(session: Session): { dns: LabDnsRegistry; machines: LabMachineRegistry } {
  const root = sessionStateRoot(session);
  return { dns: LabDnsRegistry.forStateRoot(root, session.env), machines: LabMachineRegistry.forStateRoot(root, session.env) };
}

/** A loopback literal as an address (`localhost` is 127.0.0.1). */
function addressOf(host: string): string {
  return net.isIP(host) ? host : '127.0.0.1';
}

function mailHostOf(entry: LabDomainEntry, machines: LabMachine[]): LabMailHost {
  const domain = entry.domain.toLowerCase();
  const ofDomain = machines.filter((m) => m.role === 'Edge' && m.domain.toLowerCase() === domain);
  const edge = ofDomain.find((m) => m.local && entry.stateRoot !== null && m.stateRoot === entry.stateRoot) ?? ofDomain.find((m) => m.local) ?? ofDomain[0];
  return { domain: entry.domain, host: edge?.fqdn ?? `mail.${entry.domain}`, address: addressOf(entry.host), port: entry.port };
}

/** The lab's mail host of a domain (its MX record), or undefined when the lab has no such domain. */
export function labMailHost(session: Session, domain: string): LabMailHost | undefined {
  const { dns, machines } = registries(session);
  const entry = dns.resolve(domain.replace(/\.$/, ''));
  return entry ? mailHostOf(entry, machines.list()) : undefined;
}

/** The loopback address the lab gives a name (a lab domain, its mail host or a lab computer), or undefined. */
export function labAddress(session: Session, name: string): string | undefined {
  const wanted = name.replace(/\.$/, '').toLowerCase();
  if (!wanted.includes('.')) return undefined;
  const { dns, machines } = registries(session);
  const entries = dns.list();
  const known = machines.list();
  const domain = entries.find((e) => e.domain.toLowerCase() === wanted);
  if (domain) return addressOf(domain.host);
  const mail = entries.map((e) => mailHostOf(e, known)).find((m) => m.host.toLowerCase() === wanted);
  if (mail) return mail.address;
  return known.some((m) => m.fqdn.toLowerCase() === wanted) ? '127.0.0.1' : undefined;
}
