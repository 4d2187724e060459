// STARTTLS (RFC 3207) on an established plaintext socket, both sides. The caller must already have
// stopped consuming plaintext: anything the peer pipelined after STARTTLS is discarded by the
// caller (the CVE-2011-0411 injection class), never handed to the TLS session.
import { X509Certificate } from 'node:crypto';
import { summarizeX509, type CertificateSummary } from '../pki/certificate-summary.ts';
import { connect as tlsConnect, TLSSocket, type DetailedPeerCertificate, type PeerCertificate, type SecureContext } from 'node:tls';
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import type { PresentedCertificates } from './presented-certificates.ts';
import { exchangeDefaults, timeoutSettings, type ReceiveConnectorSettings, type TransportSettings } from './transport-settings.ts';

export interface ServerUpgradeOptions {
  secureContext: SecureContext;
  /** Ask for a client certificate (domain security on the connector); never require one. */
  requestCert: boolean;
  handshakeTimeoutMs: number;
}

export interface UpgradeResult {
  socket: TLSSocket;
  /** Resolves once the handshake completed; rejects with the TLS error (or a timeout). */
  secure: Promise<void>;
}

function handshakePromise(socket: TLSSocket, eventName: 'secure' | 'secureConnect', timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = Object.assign(new Error('TLS handshake timed out'), { code: 'ETIMEDOUT' });
      cleanup();
      reject(error);
      socket.destroy();
    }, timeoutMs);
    const onSecure = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onClose = (): void => {
      cleanup();
      reject(Object.assign(new Error('Connection closed during the TLS handshake'), { code: 'ECONNRESET' }));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off(eventName, onSecure);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.once(eventName, onSecure);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

/**
 * A receive connector's STARTTLS: a client certificate is requested when domain security is on and some
 * domain needs it; the handshake gets the TLS timeout, capped by the connector's inactivity timeout.
 */
export function receiveTlsOptions(secureContext: SecureContext, connector: ReceiveConnectorSettings, settings: TransportSettings): ServerUpgradeOptions {
  return {
    secureContext,
    requestCert: connector.domainSecureEnabled && settings.tlsReceiveDomainSecureList.length > 0,
    handshakeTimeoutMs: Math.min(
      timeoutSettings(settings).tlsHandshakeMs,
      connector.connectionInactivityTimeoutMs ?? exchangeDefaults.receive.connectionInactivityTimeoutMs,
    ),
  };
}

/** Server side: wraps `raw` (paused, with no 'data' listener) right after `220 2.0.0 SMTP server ready`. */
export function upgradeServerSocket(raw: Socket, options: ServerUpgradeOptions): UpgradeResult {
  const socket = new TLSSocket(raw, {
    isServer: true,
    secureContext: options.secureContext,
    requestCert: options.requestCert,
    rejectUnauthorized: false,
  });
  const secure = handshakePromise(socket, 'secure', options.handshakeTimeoutMs);
  secure.catch(() => undefined); // observed by the caller; avoid an unhandled rejection if it is not
  return { socket, secure };
}

export interface ClientUpgradeOptions {
  secureContext: SecureContext;
  /** Host name for SNI (omitted for IP literals). */
  serverName: string | undefined;
  handshakeTimeoutMs: number;
}

/** Client side: wraps `raw` after the server's 220 reply to STARTTLS. */
export function upgradeClientSocket(raw: Socket, options: ClientUpgradeOptions): UpgradeResult {
  const serverName = options.serverName && isIP(options.serverName) === 0 ? options.serverName : undefined;
  const socket = tlsConnect({
    socket: raw,
    secureContext: options.secureContext,
    rejectUnauthorized: false,
    ...(serverName ? { servername: serverName } : {}),
  });
  const secure = handshakePromise(socket, 'secureConnect', options.handshakeTimeoutMs);
  secure.catch(() => undefined);
  return { socket, secure };
}

/** The peer's certificate chain as DER, leaf first (empty if it presented none). */
export function peerChainDer(socket: TLSSocket): Buffer[] {
  return chainFromPeerCertificate(socket.getPeerCertificate(true));
}

/** DER chain from a detailed peer certificate object (one `getPeerCertificate(true)` serves logging and validation). */
export function chainFromPeerCertificate(peer: DetailedPeerCertificate | undefined): Buffer[] {
  const chain: Buffer[] = [];
  let certificate: DetailedPeerCertificate | undefined = peer;
  const seen = new Set<string>();
  while (certificate && certificate.raw && !seen.has(certificate.fingerprint256)) {
    seen.add(certificate.fingerprint256);
    chain.push(certificate.raw);
    certificate = certificate.issuerCertificate;
  }
  return chain;
}

/** What a client presented on a server socket, as the receive side reads it once per TLS session. */
export interface ClientCertificates extends PresentedCertificates {
  /** The leaf's SHA-256 fingerprint in Node's form; undefined when it presented none. */
  readonly fingerprint256: string | undefined;
}

/**
 * Server side: the client's certificate read cheaply with getPeerCertificate(false) (raw DER and
 * fingerprints, no chain), and the chain it sent only when asked: getPeerX509Certificate() costs
 * four times as much (OpenSSL decodes again each certificate it duplicates) and on Node 20 it
 * consumes the intermediates, so it is called once and its answer kept.
 */
export function clientCertificates(socket: TLSSocket): ClientCertificates {
  const peer = socket.getPeerCertificate(false) as Partial<PeerCertificate> | null;
  const leaf = peer?.raw;
  let chain: Buffer[] | undefined;
  return {
    leaf,
    fingerprint256: leaf ? peer!.fingerprint256 : undefined,
    chain: () => (chain ??= leaf ? sentChain(socket).map((certificate) => certificate.raw) : []),
  };
}

function sentChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let certificate: X509Certificate | undefined = socket.getPeerX509Certificate();
  while (certificate && chain.length < 16 && !chain.some((seen) => seen === certificate)) {
    chain.push(certificate);
    certificate = certificate.issuerCertificate;
  }
  return chain;
}

const summaries = new Map<string, CertificateSummary>();

/**
 * The logged forms of a client's certificate, computed once per distinct certificate (partners
 * reconnect with the same one): only then is its DER parsed.
 */
export function peerCertificateSummary(leafDer: Buffer, fingerprint256: string): CertificateSummary {
  let summary = summaries.get(fingerprint256);
  if (!summary) {
    summary = summarizeX509(new X509Certificate(leafDer));
    if (summaries.size >= 64) summaries.delete(summaries.keys().next().value!);
    summaries.set(fingerprint256, summary);
  }
  return summary;
}

/** Short TLS failure name for logs: OpenSSL reason or Node error code. */
export function tlsErrorName(error: unknown): string {
  const details = error as { code?: string; reason?: string; message?: string };
  return details.reason ?? details.code ?? details.message ?? String(error);
}
