// The SendConnector object (Get-SendConnector), its organisation-level document, and the defaults of
// a new connector by -Usage template (Custom, Internal, Internet, Partner).
import { randomUUID } from 'node:crypto';
import type { DocumentSpec } from './documents.ts';
import type { ProtocolLoggingLevel, SmartHostAuthMechanism } from './flags.ts';
import type { ByteSize } from './quantities.ts';

export interface SendConnector {
  Identity: string;
  Name: string;
  Guid: string;
  AddressSpaces: string[];
  /** Smart host credentials are not kept by emsh; always null. */
  AuthenticationCredential: null;
  Comment: string | null;
  ConnectedDomains: string[];
  ConnectionInactivityTimeOut: string;
  DNSRoutingEnabled: boolean;
  DomainSecureEnabled: boolean;
  Enabled: boolean;
  ForceHELO: boolean;
  /** null: the source server's FQDN is used in HELO/EHLO and must match its certificate. */
  Fqdn: string | null;
  HomeMTA: string;
  HomeMtaServerId: string;
  IgnoreSTARTTLS: boolean;
  IsScopedConnector: boolean;
  IsSmtpConnector: boolean;
  LinkedReceiveConnector: string | null;
  MaxMessageSize: ByteSize;
  Port: number;
  ProtocolLoggingLevel: ProtocolLoggingLevel;
  RequireTLS: boolean;
  SmartHostAuthMechanism: SmartHostAuthMechanism;
  SmartHosts: string[];
  SmartHostsString: string;
  SourceIPAddress: string;
  SourceRoutingGroup: string;
  /** Names of the Hub servers or subscribed Edge servers that send through this connector. */
  SourceTransportServers: string[];
  UseExternalDNSServersEnabled: boolean;
  WhenCreated: string;
  WhenChanged: string;
}

export interface SendConnectorsDocument {
  schemaVersion: number;
  connectors: SendConnector[];
}

export function sendConnectorsSpec(folder: string): DocumentSpec<SendConnectorsDocument> {
  return {
    name: `${folder}/send-connectors`,
    schemaVersion: 1,
    create: () => ({ schemaVersion: 1, connectors: [] }),
    upgrade: (raw) => ({ schemaVersion: 1, connectors: (raw.connectors as SendConnector[] | undefined) ?? [] }),
  };
}

export const SEND_CONNECTOR_USAGES = ['Custom', 'Internal', 'Internet', 'Partner'] as const;
export type SendConnectorUsage = (typeof SEND_CONNECTOR_USAGES)[number];

export const SOURCE_ROUTING_GROUP = 'Exchange Routing Group (DWBGZMFD01QNBJR)';

/**
 * A new connector before the caller's parameters: Exchange's defaults (DNS routing, port 25,
 * 10 MB, logging off). The Partner template turns on domain security (and DNS routing) unless the
 * caller says otherwise; the others differ only in permissions, which emsh does not model.
 */
export function sendConnectorTemplate(name: string, usage: SendConnectorUsage, homeServer: string): SendConnector {
  const now = new Date().toISOString();
  return {
    Identity: name,
    Name: name,
    Guid: randomUUID(),
    AddressSpaces: [],
    AuthenticationCredential: null,
    Comment: null,
    ConnectedDomains: [],
    ConnectionInactivityTimeOut: '00:10:00',
    DNSRoutingEnabled: true,
    DomainSecureEnabled: usage === 'Partner',
    Enabled: true,
    ForceHELO: false,
    Fqdn: null,
    HomeMTA: 'Microsoft MTA',
    HomeMtaServerId: homeServer,
    IgnoreSTARTTLS: false,
    IsScopedConnector: false,
    IsSmtpConnector: true,
    LinkedReceiveConnector: null,
    MaxMessageSize: 10 * 1024 * 1024,
    Port: 25,
    ProtocolLoggingLevel: 'None',
    RequireTLS: false,
    SmartHostAuthMechanism: 'None',
    SmartHosts: [],
    SmartHostsString: '',
    SourceIPAddress: '0.0.0.0',
    SourceRoutingGroup: SOURCE_ROUTING_GROUP,
    SourceTransportServers: [],
    UseExternalDNSServersEnabled: false,
    WhenCreated: now,
    WhenChanged: now,
  };
}

/** Recomputes the properties derived from others (Identity, SmartHostsString, HomeMtaServerId). */
export function withDerivedProperties(connector: SendConnector): SendConnector {
  return {
    ...connector,
    Identity: connector.Name,
    SmartHostsString: connector.SmartHosts.join(','),
    HomeMtaServerId: connector.SourceTransportServers[0] ?? connector.HomeMtaServerId,
  };
}
