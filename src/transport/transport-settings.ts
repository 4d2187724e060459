// The plain-object configuration of one organisation's Edge transport, and Exchange's defaults.
// The cmdlet layer builds these objects from the store; tests build them directly.
import type { PresentedCertificates } from './presented-certificates.ts';

export type ProtocolLoggingLevel = 'None' | 'Verbose';

/** Receive connector AuthMechanism flags (Exchange 2007: None | Tls | Integrated | BasicAuth | BasicAuthRequireTLS | ExchangeServer | ExternalAuthoritative). */
export interface AuthMechanism {
  tls: boolean;
  basicAuth?: boolean;
  basicAuthRequireTls?: boolean;
  exchangeServer?: boolean;
  /** "Externally secured": every session on the connector is trusted as internal (may relay). */
  externalAuthoritative?: boolean;
  integrated?: boolean;
}

export interface Binding {
  address: string;
  /** 0 picks a free port (tests); the service reports the real one in `listeners`. */
  port: number;
}

export interface ReceiveConnectorSettings {
  name: string;
  bindings: Binding[];
  /** Exchange syntax: `10.0.0.1`, `10.0.0.0/24`, `10.0.0.1-10.0.0.9`, IPv6 likewise. */
  remoteIPRanges: string[];
  fqdn: string;
  /** Full banner text (with or without the leading `220 `); default `<fqdn> Microsoft ESMTP MAIL Service ready at <date>`. */
  banner?: string;
  enabled: boolean;
  authMechanism: AuthMechanism;
  domainSecureEnabled: boolean;
  /** Refuse MAIL FROM until STARTTLS succeeded (`530 5.7.0 Must issue a STARTTLS command first`). */
  requireTls?: boolean;
  /** Bytes; advertised as `SIZE <n>`. */
  maxMessageSize: number;
  protocolLoggingLevel: ProtocolLoggingLevel;
  maxRecipientsPerMessage?: number;
  maxInboundConnection?: number;
  maxInboundConnectionPerSource?: number;
  maxProtocolErrors?: number;
  /** Whole-session limit (Edge default 5 minutes). */
  connectionTimeoutMs?: number;
  /** Idle limit, also bounds a TLS handshake that never finishes (Edge default 1 minute). */
  connectionInactivityTimeoutMs?: number;
  chunkingEnabled?: boolean;
  binaryMimeEnabled?: boolean;
  eightBitMimeEnabled?: boolean;
  deliveryStatusNotificationEnabled?: boolean;
  pipeliningEnabled?: boolean;
}

export interface AddressSpace {
  /** `*`, `*.example.com` or `example.com`. */
  domain: string;
  cost: number;
}

export interface SmartHost {
  host: string;
  port?: number;
}

export interface SendConnectorSettings {
  name: string;
  addressSpaces: AddressSpace[];
  dnsRoutingEnabled: boolean;
  smartHosts: SmartHost[];
  /** Name used in EHLO; must match our certificate for domain security. */
  fqdn: string;
  domainSecureEnabled: boolean;
  requireTls: boolean;
  ignoreStartTls: boolean;
  protocolLoggingLevel: ProtocolLoggingLevel;
  maxMessageSize: number;
  enabled: boolean;
  /** Destination port (default 25) when the next hop does not say otherwise. */
  port?: number;
  connectionInactivityTimeoutMs?: number;
}

/** The certificate enabled for SMTP: leaf PEM, its private key and the intermediate chain. */
export interface SmtpCertificate {
  keyPem: string;
  certPem: string;
  chainPems: string[];
}

/**
 * Certificate statuses as Exchange names them (Get-ExchangeCertificate Status), plus
 * `NameMismatch` (Exchange's SubjectMismatch) and `EmptyCertificate`.
 */
export type PeerCertificateStatus =
  | 'Valid'
  | 'Untrusted'
  | 'DateInvalid'
  | 'Revoked'
  | 'RevocationCheckFailure'
  | 'NameMismatch'
  | 'EmptyCertificate'
  | 'Invalid';

export interface PeerValidationResult {
  ok: boolean;
  status: PeerCertificateStatus | string;
  detail: string;
}

/**
 * Validates what a peer presented for a domain: chain to a trusted root, dates, revocation, name. Takes the
 * chain already read (DER, leaf first) or, from the receive side, the leaf with the chain read on demand.
 */
export type PeerValidator = (
  peer: PresentedCertificates | readonly Buffer[],
  expectedDomain: string,
) => PeerValidationResult | Promise<PeerValidationResult>;

export interface NextHopHost {
  host: string;
  port?: number;
}

/** Maps a destination domain to hosts in preference order (DNS MX by default). */
export type NextHopResolver = (domain: string) => Promise<NextHopHost[]>;

export interface RetrySettings {
  /** Wait after a failed attempt (Exchange OutboundConnectionFailureRetryInterval, 10 minutes). */
  intervalMs: number;
  /** Message age at which it is returned to the sender (MessageExpirationTimeout, 2 days). */
  expiryMs: number;
}

export interface TimeoutSettings {
  /** Outbound TCP connect. */
  connectMs: number;
  /** Outbound: wait for each reply (ConnectionInactivityTimeOut of the send connector, 10 minutes). */
  replyMs: number;
  /** Both directions: TLS handshake. */
  tlsHandshakeMs: number;
}

export interface TransportSettings {
  /** Server name (Identity prefix of queues, `SERVER\Connector` in receive logs). */
  serverName: string;
  /** Queues, mailboxes, protocol logs and counters live under it. */
  stateDir: string;
  acceptedDomains: string[];
  tlsReceiveDomainSecureList: string[];
  tlsSendDomainSecureList: string[];
  receiveConnectors: ReceiveConnectorSettings[];
  sendConnectors: SendConnectorSettings[];
  /** Called per connection with the connector FQDN, so a newly enabled certificate applies at once. */
  certificate: (fqdn: string) => SmtpCertificate | undefined;
  validatePeer: PeerValidator;
  /** Default: DNS MX (then A) through `dns.promises`. */
  resolveNextHop?: NextHopResolver;
  /** Enables AUTH LOGIN where BasicAuth is set on a receive connector. */
  verifyCredentials?: (user: string, password: string) => boolean | Promise<boolean>;
  retry?: Partial<RetrySettings>;
  timeouts?: Partial<TimeoutSettings>;
  /** fsync queue and mailbox files before renaming them into place (default true). */
  durableWrites?: boolean;
}

export const exchangeDefaults = {
  retry: { intervalMs: 10 * 60_000, expiryMs: 2 * 24 * 60 * 60_000 } satisfies RetrySettings,
  timeouts: { connectMs: 30_000, replyMs: 10 * 60_000, tlsHandshakeMs: 60_000 } satisfies TimeoutSettings,
  receive: {
    maxRecipientsPerMessage: 200,
    maxInboundConnection: 5000,
    maxInboundConnectionPerSource: 20,
    maxProtocolErrors: 5,
    connectionTimeoutMs: 5 * 60_000,
    connectionInactivityTimeoutMs: 60_000,
  },
  maxCommandLineLength: 2048,
  sendPort: 25,
} as const;

export function retrySettings(settings: TransportSettings): RetrySettings {
  return { ...exchangeDefaults.retry, ...settings.retry };
}

export function timeoutSettings(settings: TransportSettings): TimeoutSettings {
  return { ...exchangeDefaults.timeouts, ...settings.timeouts };
}

/** Exact, case-insensitive domain list lookup (Exchange's IsTLSSendSecureDomain / receive list rule). */
export function domainListContains(list: readonly string[], domain: string): boolean {
  const wanted = domain.toLowerCase();
  return list.some((entry) => entry.toLowerCase() === wanted);
}
