// The lab's DNS: a registry of the organisations running on this machine, mapping an SMTP domain to
// the loopback host:port of its Edge (the transport service registers its receive connector's
// listening address; outbound delivery looks the next-hop domain up here instead of in DNS MX).
//
// Two organisations (two state roots, e.g. Contoso and Woodgrove Bank) must share it, so it lives
// outside each root: `$EMSH_LAB_REGISTRY` when set, else `emsh-lab-registry.json` beside the state
// root (in its parent folder). It has its own lock file (`<registry>.lock`).
import net from 'node:net';
import path from 'node:path';
import { DocumentStore } from './documents.ts';
import { addressToBigInt } from './ip-range.ts';
import type { DocumentSpec, VersionedDocument } from './documents.ts';
import { parseSmtpDomain, sameDomain } from './smtp-domain.ts';
import { invalidValue } from './store-error.ts';

export const LAB_REGISTRY_ENV = 'EMSH_LAB_REGISTRY';
export const DEFAULT_LAB_REGISTRY_NAME = 'emsh-lab-registry.json';

export interface LabDomainEntry {
  domain: string;
  /** A loopback address or `localhost`. */
  host: string;
  port: number;
  /** Who registered it, for display (e.g. the organisation name). */
  organization: string | null;
  /** The state root of the organisation that registered it. */
  stateRoot: string | null;
  registeredAt: string;
}

export interface LabRegistration {
  domain: string;
  host: string;
  port: number;
  organization?: string;
  stateRoot?: string;
}

interface LabRegistryDocument {
  schemaVersion: number;
  entries: LabDomainEntry[];
}

/**
 * A JSON document shared by the lab's organisations (outside every state root), with its own lock
 * file `<file>.lock`. `read` brings a stored document (any version) to version 1; a missing one is `read({})`.
 */
export function sharedLabDocument<T extends VersionedDocument>(file: string, subject: string, read: (raw: Record<string, unknown>) => T): { documents: DocumentStore; spec: DocumentSpec<T> } {
  const documents = new DocumentStore({ folder: path.dirname(file), lockFile: `${file}.lock`, lock: { subject, target: file } });
  const spec: DocumentSpec<T> = { name: path.basename(file, '.json'), schemaVersion: 1, create: () => read({}), upgrade: read };
  return { documents, spec };
}

export function resolveLabRegistryPath(stateRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[LAB_REGISTRY_ENV];
  return configured ? path.resolve(configured) : path.join(path.dirname(path.resolve(stateRoot)), DEFAULT_LAB_REGISTRY_NAME);
}

export class LabDnsRegistry {
  readonly file: string;
  readonly #documents: DocumentStore;
  readonly #spec: DocumentSpec<LabRegistryDocument>;

  constructor(file: string) {
    this.file = path.resolve(file);
    if (!this.file.endsWith('.json')) {
      throw invalidValue(`The lab registry file ${this.file} must have the extension .json.`, 'InvalidLabRegistryPath', this.file);
    }
    const shared = sharedLabDocument<LabRegistryDocument>(this.file, 'emsh lab registry', (raw) => ({
      schemaVersion: 1,
      entries: (raw.entries as LabDomainEntry[] | undefined) ?? [],
    }));
    this.#documents = shared.documents;
    this.#spec = shared.spec;
  }

  /** The registry for a state root (honouring $EMSH_LAB_REGISTRY). */
  static forStateRoot(stateRoot: string, env: NodeJS.ProcessEnv = process.env): LabDnsRegistry {
    return new LabDnsRegistry(resolveLabRegistryPath(stateRoot, env));
  }

  /** Maps a domain to a loopback endpoint, replacing an earlier entry for the same domain. */
  register(registration: LabRegistration): LabDomainEntry {
    const domain = parseSmtpDomain(registration.domain);
    const host = registration.host.trim();
    if (!isLoopback(host)) {
      throw invalidValue(`The lab host "${registration.host}" isn't a loopback address; use 127.0.0.1, ::1 or localhost.`, 'LabHostNotLoopback', registration.host);
    }
    if (!Number.isInteger(registration.port) || registration.port < 1 || registration.port > 65535) {
      throw invalidValue(`The lab port ${registration.port} isn't valid; use a port from 1 through 65535.`, 'InvalidLabPort', registration.port);
    }
    const entry: LabDomainEntry = {
      domain,
      host,
      port: registration.port,
      organization: registration.organization ?? null,
      stateRoot: registration.stateRoot ?? null,
      registeredAt: new Date().toISOString(),
    };
    this.#documents.update(this.#spec, (doc) => ({ ...doc, entries: [...doc.entries.filter((e) => !sameDomain(e.domain, domain)), entry] }));
    return entry;
  }

  /** Removes a domain; false when it was not registered. */
  unregister(domain: string): boolean {
    let removed = false;
    this.#documents.update(this.#spec, (doc) => {
      const entries = doc.entries.filter((e) => !sameDomain(e.domain, domain.trim()));
      removed = entries.length !== doc.entries.length;
      return { ...doc, entries };
    });
    return removed;
  }

  /** Removes every domain a state root registered (when its transport service stops). */
  unregisterStateRoot(stateRoot: string): number {
    const root = path.resolve(stateRoot);
    let count = 0;
    this.#documents.update(this.#spec, (doc) => {
      const entries = doc.entries.filter((e) => e.stateRoot === null || path.resolve(e.stateRoot) !== root);
      count = doc.entries.length - entries.length;
      return { ...doc, entries };
    });
    return count;
  }

  /** The endpoint for a domain (exact, case-insensitive), or undefined. */
  resolve(domain: string): LabDomainEntry | undefined {
    return this.list().find((e) => sameDomain(e.domain, domain.trim()));
  }

  list(): LabDomainEntry[] {
    return this.#documents.read(this.#spec).entries;
  }
}

function isLoopback(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  return net.isIPv6(host) && addressToBigInt(host) === 1n;
}
