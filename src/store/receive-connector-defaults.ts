// The ReceiveConnector object (Get-ReceiveConnector), its per-server document, and the defaults
// Exchange gives new connectors: by server role (Edge or Hub), by -Usage template, and the
// connectors setup creates (the Edge's "Default internal receive connector <SERVER>").
import { randomUUID } from 'node:crypto';
import type { DocumentSpec } from './documents.ts';
import type { AuthMechanism, PermissionGroup, ProtocolLoggingLevel, SizeEnabled } from './flags.ts';
import { ALL_IPV4 } from './ip-range.ts';
import type { ByteSize, Unlimited } from './quantities.ts';
import { serverFolderName } from './state-root.ts';
import type { ExchangeServer } from './servers.ts';

export interface ReceiveConnector {
  /** `SERVER\Name`. */
  Identity: string;
  Name: string;
  Server: string;
  Guid: string;
  AuthMechanism: AuthMechanism[];
  Banner: string | null;
  BinaryMimeEnabled: boolean;
  Bindings: string[];
  ChunkingEnabled: boolean;
  Comment: string | null;
  ConnectionInactivityTimeout: string;
  ConnectionTimeout: string;
  DefaultDomain: string | null;
  DeliveryStatusNotificationEnabled: boolean;
  DomainSecureEnabled: boolean;
  EightBitMimeEnabled: boolean;
  EnableAuthGSSAPI: boolean;
  Enabled: boolean;
  EnhancedStatusCodesEnabled: boolean;
  Fqdn: string;
  LongAddressesEnabled: boolean;
  MaxHeaderSize: number;
  MaxHopCount: number;
  MaxInboundConnection: Unlimited<number>;
  MaxInboundConnectionPercentagePerSource: number;
  MaxInboundConnectionPerSource: Unlimited<number>;
  MaxLocalHopCount: number;
  MaxLogonFailures: number;
  MaxMessageSize: ByteSize;
  MaxProtocolErrors: Unlimited<number>;
  MaxRecipientsPerMessage: number;
  MessageRateLimit: Unlimited<number>;
  OrarEnabled: boolean;
  PermissionGroups: PermissionGroup[];
  PipeliningEnabled: boolean;
  ProtocolLoggingLevel: ProtocolLoggingLevel;
  RemoteIPRanges: string[];
  RequireEHLODomain: boolean;
  RequireTLS: boolean;
  SizeEnabled: SizeEnabled;
  TarpitInterval: string;
  WhenCreated: string;
  WhenChanged: string;
}

export interface ReceiveConnectorsDocument {
  schemaVersion: number;
  connectors: ReceiveConnector[];
}

export function receiveConnectorsSpec(serverName: string): DocumentSpec<ReceiveConnectorsDocument> {
  return {
    name: `servers/${serverFolderName(serverName)}/receive-connectors`,
    schemaVersion: 1,
    create: () => ({ schemaVersion: 1, connectors: [] }),
    upgrade: (raw) => ({ schemaVersion: 1, connectors: (raw.connectors as ReceiveConnector[] | undefined) ?? [] }),
  };
}

export const RECEIVE_CONNECTOR_USAGES = ['Custom', 'Internet', 'Internal', 'Client', 'Partner'] as const;
export type ReceiveConnectorUsage = (typeof RECEIVE_CONNECTOR_USAGES)[number];

/** The name Edge setup gives the Edge's receive connector. */
export function defaultEdgeReceiveConnectorName(server: ExchangeServer): string {
  return `Default internal receive connector ${server.Name}`;
}

/**
 * A new connector before the caller's parameters are applied: Exchange's defaults for the server's
 * role, then the -Usage template (no usage: Custom on a Hub, the Edge's own template on an Edge).
 */
export function receiveConnectorTemplate(
  server: ExchangeServer,
  name: string,
  usage: ReceiveConnectorUsage | undefined,
): ReceiveConnector {
  const edge = server.ServerRole === 'Edge';
  const now = new Date().toISOString();
  const connector: ReceiveConnector = {
    Identity: `${server.Name}\\${name}`,
    Name: name,
    Server: server.Name,
    Guid: randomUUID(),
    AuthMechanism: ['Tls'],
    Banner: null,
    BinaryMimeEnabled: true,
    Bindings: [],
    ChunkingEnabled: true,
    Comment: null,
    ConnectionInactivityTimeout: edge ? '00:01:00' : '00:05:00',
    ConnectionTimeout: edge ? '00:05:00' : '00:10:00',
    DefaultDomain: null,
    DeliveryStatusNotificationEnabled: true,
    DomainSecureEnabled: false,
    EightBitMimeEnabled: true,
    EnableAuthGSSAPI: false,
    Enabled: true,
    EnhancedStatusCodesEnabled: true,
    Fqdn: server.Fqdn,
    LongAddressesEnabled: false,
    MaxHeaderSize: 64 * 1024,
    MaxHopCount: 30,
    MaxInboundConnection: 5000,
    MaxInboundConnectionPercentagePerSource: 2,
    MaxInboundConnectionPerSource: 20,
    MaxLocalHopCount: 8,
    MaxLogonFailures: 3,
    MaxMessageSize: 10 * 1024 * 1024,
    MaxProtocolErrors: 5,
    MaxRecipientsPerMessage: 200,
    MessageRateLimit: edge ? 600 : 'Unlimited',
    OrarEnabled: false,
    PermissionGroups: ['None'],
    PipeliningEnabled: true,
    ProtocolLoggingLevel: 'None',
    RemoteIPRanges: [],
    RequireEHLODomain: false,
    RequireTLS: false,
    SizeEnabled: 'Enabled',
    TarpitInterval: '00:00:05',
    WhenCreated: now,
    WhenChanged: now,
  };
  applyUsage(connector, usage ?? (edge ? undefined : 'Custom'), edge);
  return connector;
}

function applyUsage(connector: ReceiveConnector, usage: ReceiveConnectorUsage | undefined, edge: boolean): void {
  switch (usage) {
    case undefined: // an Edge connector created without a usage type
      connector.PermissionGroups = ['AnonymousUsers', 'ExchangeServers', 'Partners'];
      connector.AuthMechanism = ['Tls', 'ExchangeServer'];
      return;
    case 'Internet':
      connector.PermissionGroups = ['AnonymousUsers'];
      connector.AuthMechanism = ['Tls'];
      return;
    case 'Internal':
      connector.PermissionGroups = edge ? ['ExchangeServers'] : ['ExchangeServers', 'ExchangeLegacyServers'];
      connector.AuthMechanism = ['Tls', 'ExchangeServer'];
      return;
    case 'Client':
      connector.PermissionGroups = ['ExchangeUsers'];
      connector.AuthMechanism = ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS'];
      return;
    case 'Partner':
      connector.PermissionGroups = ['Partners'];
      connector.AuthMechanism = ['Tls'];
      connector.DomainSecureEnabled = true;
      return;
    case 'Custom':
      connector.PermissionGroups = ['None'];
      connector.AuthMechanism = ['Tls'];
      return;
  }
}

/** The receive connectors setup creates for a new server. */
export function defaultReceiveConnectors(server: ExchangeServer): ReceiveConnector[] {
  if (server.ServerRole === 'Edge') {
    // Edge setup: -Bindings 0.0.0.0:25 -RemoteIPRanges 0.0.0.0-255.255.255.255 -DomainSecureEnabled $true, no usage.
    const connector = receiveConnectorTemplate(server, defaultEdgeReceiveConnectorName(server), undefined);
    connector.Bindings = ['0.0.0.0:25'];
    connector.RemoteIPRanges = [ALL_IPV4];
    connector.DomainSecureEnabled = true;
    return [connector];
  }
  // Hub setup: "Default <SERVER>" for servers and authenticated users, "Client <SERVER>" on port 587.
  const main = receiveConnectorTemplate(server, `Default ${server.Name}`, undefined);
  main.Bindings = ['0.0.0.0:25'];
  main.RemoteIPRanges = [ALL_IPV4];
  main.PermissionGroups = ['ExchangeUsers', 'ExchangeServers', 'ExchangeLegacyServers'];
  main.AuthMechanism = ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer'];
  const client = receiveConnectorTemplate(server, `Client ${server.Name}`, 'Client');
  client.Bindings = ['0.0.0.0:587'];
  client.RemoteIPRanges = [ALL_IPV4];
  return [main, client];
}
