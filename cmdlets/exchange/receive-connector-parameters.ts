// The receive connector settings New-ReceiveConnector and Set-ReceiveConnector share, declared once:
// each one is also the store property it sets.
import type { ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import { AuthMechanismsEnum, PermissionGroupsEnum, ProtocolLoggingLevelEnum, SizeModeEnum } from './exchange-enums.ts';

const multiValued = 'A value or comma-separated list replaces the whole list; @{Add=...; Remove=...} adds and removes entries.';

export const receiveConnectorSettings = {
  AuthMechanism: {
    type: AuthMechanismsEnum,
    description:
      'How remote servers may authenticate: None, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ' +
      'ExternalAuthoritative (flags: "Tls, ExchangeServer"). A value replaces the whole set: -AuthMechanism TLS leaves Tls alone. ' +
      'Tls does not force TLS on every connection.',
  },
  Banner: { type: 'string', description: 'The SMTP banner, starting with "220 " (default: "220 <Fqdn> Microsoft ESMTP MAIL Service ready at <date>").' },
  BinaryMimeEnabled: { type: 'bool', description: 'Advertise BINARYMIME (default $true).' },
  Bindings: { type: 'object', description: `Local IP address:port pairs the connector listens on, such as 127.0.0.1:2525. ${multiValued}` },
  ChunkingEnabled: { type: 'bool', description: 'Advertise CHUNKING (default $true).' },
  Comment: { type: 'string', description: 'A free-text comment (at most 1,024 characters).' },
  ConnectionInactivityTimeout: { type: 'object', description: 'Idle time before a connection is closed (Edge default 00:01:00).' },
  ConnectionTimeout: { type: 'object', description: 'Longest a connection may stay open (Edge default 00:05:00).' },
  DefaultDomain: { type: 'string', description: 'The accepted domain used for messages without a domain.' },
  DeliveryStatusNotificationEnabled: { type: 'bool', description: 'Advertise DSN (default $true).' },
  DomainSecureEnabled: {
    type: 'bool',
    description:
      'Domain security (mutual TLS) for senders in TLSReceiveDomainSecureList: the Management Console\'s "Enable Domain ' +
      'Security (Mutual Auth TLS)". Needs Tls in AuthMechanism and not ExternalAuthoritative.',
  },
  EightBitMimeEnabled: { type: 'bool', description: 'Advertise 8BITMIME (default $true).' },
  EnableAuthGSSAPI: { type: 'bool', description: 'Offer Kerberos (GSSAPI) with Integrated authentication (default $false).' },
  Enabled: { type: 'bool', description: 'Whether the connector listens (default $true).' },
  EnhancedStatusCodesEnabled: { type: 'bool', description: 'Advertise ENHANCEDSTATUSCODES (default $true).' },
  Fqdn: { type: 'string', description: 'The name in the banner, the EHLO reply and TLS (the certificate it uses). Default: the server FQDN.' },
  LongAddressesEnabled: { type: 'bool', description: 'Accept X.400 long addresses (default $false).' },
  MaxHeaderSize: { type: 'object', description: 'Largest message header accepted, such as 64KB (the default).' },
  MaxHopCount: { type: 'int', description: 'Most Received headers a message may carry (default 30).' },
  MaxInboundConnection: { type: 'object', description: 'Most simultaneous connections (default 5000), or unlimited.' },
  MaxInboundConnectionPercentagePerSource: { type: 'int', description: 'Most connections one source may use, in percent (default 2).' },
  MaxInboundConnectionPerSource: { type: 'object', description: 'Most connections from one source (default 20), or unlimited.' },
  MaxLocalHopCount: { type: 'int', description: 'Most local Received headers (default 8).' },
  MaxLogonFailures: { type: 'int', description: 'Failed logons before the connection is dropped (default 3).' },
  MaxMessageSize: { type: 'object', description: 'Largest message accepted, such as 10MB (the default).' },
  MaxProtocolErrors: { type: 'object', description: 'SMTP protocol errors before the connection is dropped (default 5), or unlimited.' },
  MaxRecipientsPerMessage: { type: 'int', description: 'Most recipients per message (default 200).' },
  MessageRateLimit: { type: 'object', description: 'Messages per minute per client IP address (Edge default 600), or unlimited.' },
  OrarEnabled: { type: 'bool', description: 'Advertise ORAR (default $false).' },
  PermissionGroups: {
    type: PermissionGroupsEnum,
    description: 'Who may use the connector: None, AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers, Partners, Custom (flags).',
  },
  PipeliningEnabled: { type: 'bool', description: 'Advertise PIPELINING (default $true).' },
  ProtocolLoggingLevel: { type: ProtocolLoggingLevelEnum, description: 'None (default) or Verbose: write the SMTP receive protocol log.' },
  RemoteIPRanges: {
    type: 'object',
    description: `Remote addresses the connector serves: 10.1.1.1, 10.1.1.0/24, 10.1.1.1-10.1.1.9. ${multiValued}`,
  },
  RequireEHLODomain: { type: 'bool', description: 'Require a domain in EHLO (default $false).' },
  RequireTLS: { type: 'bool', description: 'Refuse mail until STARTTLS succeeded (default $false); needs Tls in AuthMechanism.' },
  SizeEnabled: { type: SizeModeEnum, description: 'Advertise SIZE: Enabled (default), Disabled or EnabledWithoutValue.' },
  TarpitInterval: { type: 'object', description: 'Delay before replying to suspect sessions (default 00:00:05).' },
} satisfies ParameterDeclarations;
