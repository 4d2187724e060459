// TransportSettings from an organisation's stored configuration: what `Start-Service
// MSExchangeTransport` (and `emsh -Service`) runs. The local Edge's receive connectors, the send
// connectors it sources (EdgeSync's copies), the accepted domains and TLS lists it sees, the
// certificate enabled for SMTP whose name matches the connector FQDN (else the default SMTP
// certificate) with its key from the key store (store-certificate.ts), peer validation against the store's trusted roots
// and CRLs through src/pki (Valid verdicts remembered while nothing can change them), and next
// hops from the lab DNS registry, then real DNS MX.
import path from 'node:path';
import { parseCertificateDer, type CertificateInfo } from '../pki/certificate-info.ts';
import { validateCertificate } from '../pki/certificate-validation.ts';
import { listAcceptedDomains } from '../store/accepted-domains.ts';
import { parseAddressSpace } from '../store/address-space.ts';
import { parseBinding } from '../store/binding.ts';
import type { EmshState } from '../store/emsh-state.ts';
import { LabDnsRegistry } from '../store/lab-dns.ts';
import type { ReceiveConnector } from '../store/receive-connector-defaults.ts';
import { listReceiveConnectors } from '../store/receive-connectors.ts';
import type { SendConnector } from '../store/send-connector-defaults.ts';
import { listSendConnectors } from '../store/send-connectors.ts';
import { openServerContext, type ServerContext } from '../store/server-context.ts';
import { findServer } from '../store/servers.ts';
import { timeSpanSeconds, type ByteSize } from '../store/quantities.ts';
import { getTransportConfig } from '../store/transport-config.ts';
import { certificateMatchesDomain } from './cert-name-match.ts';
import { resolveMxNextHop } from './dns-next-hop.ts';
import { presentedCertificates } from './presented-certificates.ts';
import { smtpCertificateReader } from './store-certificate.ts';
import { storeTrustReader, verdictWindow } from './store-trust.ts';
import type {
  NextHopHost,
  PeerValidationResult,
  ReceiveConnectorSettings,
  SendConnectorSettings,
  TransportSettings,
} from './transport-settings.ts';
import { BoundedCache, ValidVerdictCache, type VerdictWindow } from './verdict-cache.ts';

export interface StoreSettingsOptions {
  /** The server to run (default: the organisation's local server). */
  server?: string;
  env?: NodeJS.ProcessEnv;
  /** Overrides for tests (fast retries, short timeouts). */
  retry?: TransportSettings['retry'];
  timeouts?: TransportSettings['timeouts'];
  durableWrites?: boolean;
}

const UNLIMITED_SIZE = 2 ** 31 - 1;

function bytes(size: ByteSize): number {
  return size === 'Unlimited' ? UNLIMITED_SIZE : size;
}

function count(value: number | 'Unlimited'): number | undefined {
  return value === 'Unlimited' ? Number.MAX_SAFE_INTEGER : value;
}

function receiveSettings(connector: ReceiveConnector): ReceiveConnectorSettings {
  const auth = new Set(connector.AuthMechanism);
  return {
    name: connector.Name,
    bindings: connector.Bindings.map((text) => {
      const binding = parseBinding(text);
      return { address: binding.address, port: binding.port };
    }),
    remoteIPRanges: connector.RemoteIPRanges,
    fqdn: connector.Fqdn,
    ...(connector.Banner ? { banner: connector.Banner } : {}),
    enabled: connector.Enabled,
    authMechanism: {
      tls: auth.has('Tls'),
      basicAuth: auth.has('BasicAuth'),
      basicAuthRequireTls: auth.has('BasicAuthRequireTLS'),
      exchangeServer: auth.has('ExchangeServer'),
      externalAuthoritative: auth.has('ExternalAuthoritative'),
      integrated: auth.has('Integrated'),
    },
    domainSecureEnabled: connector.DomainSecureEnabled,
    requireTls: connector.RequireTLS,
    maxMessageSize: bytes(connector.MaxMessageSize),
    protocolLoggingLevel: connector.ProtocolLoggingLevel,
    maxRecipientsPerMessage: connector.MaxRecipientsPerMessage,
    maxInboundConnection: count(connector.MaxInboundConnection),
    maxInboundConnectionPerSource: count(connector.MaxInboundConnectionPerSource),
    maxProtocolErrors: count(connector.MaxProtocolErrors),
    connectionTimeoutMs: timeSpanSeconds(connector.ConnectionTimeout) * 1000,
    connectionInactivityTimeoutMs: timeSpanSeconds(connector.ConnectionInactivityTimeout) * 1000,
    chunkingEnabled: connector.ChunkingEnabled,
    binaryMimeEnabled: connector.BinaryMimeEnabled,
    eightBitMimeEnabled: connector.EightBitMimeEnabled,
    deliveryStatusNotificationEnabled: connector.DeliveryStatusNotificationEnabled,
    pipeliningEnabled: connector.PipeliningEnabled,
  };
}

function smartHost(text: string): { host: string } {
  const bracketed = /^\[(.+)\]$/.exec(text);
  return { host: bracketed ? bracketed[1]! : text };
}

function sendSettings(connector: SendConnector, serverFqdn: string): SendConnectorSettings {
  return {
    name: connector.Name,
    addressSpaces: connector.AddressSpaces.map((text) => {
      const space = parseAddressSpace(text);
      return { domain: space.domain, cost: space.cost };
    }),
    dnsRoutingEnabled: connector.DNSRoutingEnabled,
    smartHosts: connector.SmartHosts.filter((h) => h !== '--').map(smartHost),
    fqdn: connector.Fqdn ?? serverFqdn,
    domainSecureEnabled: connector.DomainSecureEnabled,
    requireTls: connector.RequireTLS,
    ignoreStartTls: connector.IgnoreSTARTTLS,
    protocolLoggingLevel: connector.ProtocolLoggingLevel,
    maxMessageSize: bytes(connector.MaxMessageSize),
    enabled: connector.Enabled,
    port: connector.Port,
    connectionInactivityTimeoutMs: timeSpanSeconds(connector.ConnectionInactivityTimeOut) * 1000,
  };
}

const statusDetails: Record<string, string> = {
  Untrusted: 'The certificate is issued by an untrusted root Certification Authority.',
  DateInvalid: 'The certificate is expired or not yet valid.',
  Revoked: 'The certificate has been revoked by its issuer.',
  RevocationCheckFailure: 'The certificate status could not be determined because the revocation check failed.',
  Invalid: 'The certificate is invalid for Exchange Server usage.',
};

export interface StorePeerValidatorOptions {
  /** The clock (tests); default the system time. */
  now?: () => Date;
}

interface RememberedValid extends VerdictWindow {
  detail: string;
}

/**
 * Validates a peer chain with src/pki against the server's trusted roots and CRLs, read from the
 * store at each call. A Valid verdict is remembered for the same domain, leaf and store roots and
 * CRLs while no date involved can change it (store-trust.ts), so a partner's every session skips
 * reading its chain and the signature checks; failures are always evaluated afresh. The name rule
 * runs on every call.
 */
export function storePeerValidator(state: EmshState, serverName: string, options: StorePeerValidatorOptions = {}): TransportSettings['validatePeer'] {
  const readTrust = storeTrustReader(state, serverName);
  // Parsing costs ~1 ms per certificate; partners present the same few certificates again and again.
  const parsed = new BoundedCache<CertificateInfo>();
  const verdicts = new ValidVerdictCache<RememberedValid>();
  const parse = (der: Buffer): CertificateInfo => parsed.getOrCreate(der.toString('base64'), () => parseCertificateDer(der));
  const unreadable = (error: unknown): PeerValidationResult => ({ ok: false, status: 'Invalid', detail: `The certificate could not be read: ${(error as Error).message}` });
  return (peer, expectedDomain): PeerValidationResult => {
    const presented = presentedCertificates(peer);
    if (!presented.leaf) return { ok: false, status: 'EmptyCertificate', detail: 'No certificate was presented.' };
    let leaf: CertificateInfo;
    try {
      leaf = parse(presented.leaf);
    } catch (error) {
      return unreadable(error);
    }
    const names = [...leaf.dnsNames, ...(leaf.commonName ? [leaf.commonName] : [])];
    if (!certificateMatchesDomain(names, expectedDomain)) {
      return { ok: false, status: 'NameMismatch', detail: `The certificate "${leaf.subject}" (names: ${names.join(', ') || 'none'}) does not match the domain ${expectedDomain}.` };
    }
    const at = options.now?.() ?? new Date();
    const trust = readTrust();
    const key = ValidVerdictCache.key(expectedDomain, presented.leaf, trust.fingerprint);
    const remembered = verdicts.find(key, at.getTime());
    if (remembered) return { ok: true, status: 'Valid', detail: remembered.detail };
    let intermediates: CertificateInfo[];
    try {
      intermediates = presented.chain().slice(1).map(parse);
    } catch (error) {
      return unreadable(error);
    }
    const result = validateCertificate(leaf, { intermediates, trustedRoots: trust.roots, crls: trust.crls, at });
    if (result.status === 'Valid') {
      const window = verdictWindow(at.getTime(), [leaf, ...intermediates, ...trust.roots], result.chain, trust.crls);
      verdicts.remember(key, { ...window, detail: result.reason });
      return { ok: true, status: 'Valid', detail: result.reason };
    }
    return { ok: false, status: result.status, detail: `${statusDetails[result.status] ?? result.status} ${result.reason}`.trim() };
  };
}

/** Lab DNS registry first (another lab organisation on this machine), then DNS MX. */
export function labNextHopResolver(stateRoot: string, env: NodeJS.ProcessEnv = process.env): (domain: string) => Promise<NextHopHost[]> {
  return async (domain) => {
    const entry = LabDnsRegistry.forStateRoot(stateRoot, env).resolve(domain);
    if (entry) return [{ host: entry.host, port: entry.port }];
    return resolveMxNextHop(domain);
  };
}

/** The folder the service keeps its queues, mailboxes, logs and counters in: the state root. */
export function transportStateDir(state: EmshState): string {
  return path.resolve(state.root);
}

/** Builds the settings of the server's Edge transport from the store. */
export function transportSettingsFromStore(state: EmshState, options: StoreSettingsOptions = {}): TransportSettings {
  const env = options.env ?? process.env;
  const ctx: ServerContext = openServerContext(state, options.server, env);
  const server = findServer(state.documents, ctx.serverName)!;
  const config = getTransportConfig(ctx);
  const domains = listAcceptedDomains(ctx)
    .filter((d) => d.DomainType === 'Authoritative')
    .map((d) => d.DomainName);
  const receive = listReceiveConnectors(ctx, { server: ctx.serverName })
    .filter((c) => c.Server.toLowerCase() === ctx.serverName.toLowerCase())
    .map(receiveSettings);
  const send = listSendConnectors(ctx)
    .filter((c) => c.SourceTransportServers.length === 0 || c.SourceTransportServers.some((s) => s.toLowerCase() === ctx.serverName.toLowerCase()))
    .map((c) => sendSettings(c, server.Fqdn));
  return {
    serverName: ctx.serverName,
    stateDir: transportStateDir(state),
    acceptedDomains: domains,
    tlsReceiveDomainSecureList: config.TLSReceiveDomainSecureList,
    tlsSendDomainSecureList: config.TLSSendDomainSecureList,
    receiveConnectors: receive,
    sendConnectors: send,
    certificate: smtpCertificateReader(state, ctx.serverName),
    validatePeer: storePeerValidator(state, ctx.serverName),
    resolveNextHop: labNextHopResolver(state.root, env),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.durableWrites !== undefined ? { durableWrites: options.durableWrites } : {}),
  };
}

/** A comparable summary of settings (functions left out): reload when it changes. */
export function settingsFingerprint(settings: TransportSettings): string {
  const { certificate: _c, validatePeer: _v, resolveNextHop: _r, verifyCredentials: _a, ...plain } = settings;
  return JSON.stringify(plain);
}
