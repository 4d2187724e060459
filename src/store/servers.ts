// The Exchange servers of the organisation: internal Hub Transport servers and Edge Transport
// servers (Contoso's mail1.contoso.com and mail2.mail.contoso.com). One `servers.json` document
// inside the organisation lists them all, with each Edge's subscription (EdgeSync). Creating a
// server also creates its per-server documents (default receive connectors).
import { randomUUID } from 'node:crypto';
import type { DocumentSpec, DocumentStore, Transaction } from './documents.ts';
import { defaultReceiveConnectors, receiveConnectorsSpec } from './receive-connector-defaults.ts';
import { isSmtpDomain } from './smtp-domain.ts';
import { invalidValue, objectNotFound, StoreError } from './store-error.ts';
import { sameName } from './identity.ts';

export type ServerRole = 'HubTransport' | 'Edge';

export interface EdgeSubscription {
  /** The Active Directory site the Edge is subscribed to. */
  Site: string;
  SubscribedAt: string;
  LastSynchronizedAt: string | null;
}

export interface ExchangeServer {
  Identity: string;
  Name: string;
  Fqdn: string;
  ServerRole: ServerRole;
  IsHubTransportServer: boolean;
  IsEdgeServer: boolean;
  /** The AD site of a Hub server; an Edge is in no site. */
  Site: string | null;
  AdminDisplayVersion: string;
  Guid: string;
  WhenCreated: string;
  /** Edge servers: the EdgeSync subscription, or null when not subscribed. */
  EdgeSubscription: EdgeSubscription | null;
}

export interface ServersDocument {
  schemaVersion: number;
  servers: ExchangeServer[];
}

export const DEFAULT_SITE = 'Default-First-Site-Name';
/** Exchange Server 2007 SP1. */
export const ADMIN_DISPLAY_VERSION = 'Version 8.1 (Build 240.6)';

export const serversSpec: DocumentSpec<ServersDocument> = {
  name: 'organization/servers',
  schemaVersion: 1,
  create: () => ({ schemaVersion: 1, servers: [] }),
  upgrade: (raw) => ({ schemaVersion: 1, servers: (raw.servers as ExchangeServer[] | undefined) ?? [] }),
};

/** Anything that reads documents: a DocumentStore or a Transaction. */
export type DocumentReader = Pick<Transaction, 'read'>;

export interface NewServerOptions {
  /** `MAIL1`, or an FQDN such as `mail1.contoso.com` (then the name is its first label). */
  name: string;
  fqdn?: string;
  /** `HubTransport` (or `Hub`) or `Edge` (or `EdgeTransport`), case-insensitive. */
  role: string;
}

export function listServers(reader: DocumentReader): ExchangeServer[] {
  return reader.read(serversSpec).servers;
}

/** The server with this name or FQDN (case-insensitive), or undefined. */
export function findServer(reader: DocumentReader, identity: string): ExchangeServer | undefined {
  const wanted = identity.trim();
  return listServers(reader).find((s) => sameName(s.Name, wanted) || sameName(s.Fqdn, wanted) || sameName(s.Guid, wanted));
}

/** The server with this name or FQDN; `where` names the server asked, for the not-found error. */
export function getServer(reader: DocumentReader, identity: string, where: string): ExchangeServer {
  const server = findServer(reader, identity);
  if (!server) throw objectNotFound(identity, where);
  return server;
}

export function parseServerRole(role: string): ServerRole {
  const key = role.trim().toLowerCase();
  if (key === 'hub' || key === 'hubtransport') return 'HubTransport';
  if (key === 'edge' || key === 'edgetransport') return 'Edge';
  throw invalidValue(`"${role}" isn't a server role emsh knows; use HubTransport or Edge.`, 'InvalidServerRole', role);
}

/**
 * Adds a server and its default receive connectors; fails when the name or FQDN is taken.
 * Takes the state's document store (its own transaction) or a running transaction.
 */
export function newServer(target: Transaction | { documents: DocumentStore }, options: NewServerOptions): ExchangeServer {
  if ('documents' in target) return target.documents.transaction((tx) => newServer(tx, options));
  const tx = target;
  const given = options.name.trim();
  const name = options.fqdn || !given.includes('.') ? given : given.split('.')[0]!;
  const fqdn = (options.fqdn ?? given).trim();
  const role = parseServerRole(options.role);
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(name)) {
    throw invalidValue(
      `"${name}" isn't a valid server name; use letters, digits and hyphens (at most 63), such as MAIL1.`,
      'InvalidServerName',
      name,
    );
  }
  if (!isSmtpDomain(fqdn)) {
    throw invalidValue(`"${fqdn}" isn't a valid fully qualified domain name for server ${name}.`, 'InvalidServerFqdn', fqdn);
  }
  const document = tx.read(serversSpec);
  const clash = document.servers.find((s) => sameName(s.Name, name) || sameName(s.Fqdn, fqdn));
  if (clash) {
    throw new StoreError(
      `A server named '${clash.Name}' (${clash.Fqdn}) already exists in this organization; choose another name and FQDN.`,
      'ServerAlreadyExists',
      'ResourceExists',
      { targetObject: name },
    );
  }
  const server: ExchangeServer = {
    Identity: name,
    Name: name,
    Fqdn: fqdn,
    ServerRole: role,
    IsHubTransportServer: role === 'HubTransport',
    IsEdgeServer: role === 'Edge',
    Site: role === 'HubTransport' ? DEFAULT_SITE : null,
    AdminDisplayVersion: ADMIN_DISPLAY_VERSION,
    Guid: randomUUID(),
    WhenCreated: new Date().toISOString(),
    EdgeSubscription: null,
  };
  tx.write(serversSpec, { ...document, servers: [...document.servers, server] });
  tx.write(receiveConnectorsSpec(server.Name), { schemaVersion: 1, connectors: defaultReceiveConnectors(server) });
  return server;
}

/** Replaces one server record (matched by GUID). */
export function saveServer(tx: Transaction, server: ExchangeServer): void {
  const document = tx.read(serversSpec);
  tx.write(serversSpec, { ...document, servers: document.servers.map((s) => (s.Guid === server.Guid ? server : s)) });
}
