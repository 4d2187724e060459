// One delivery attempt for one queue (next-hop domain): route, hosts, then an SMTP session per host
// until one works. For a domain on TLSSendDomainSecureList, STARTTLS, our certificate and a valid
// server certificate matching the domain are mandatory and every failure is transient: the
// messages stay queued, nothing is ever sent in clear (reference 4.2).
import { summarizePeerCertificate } from '../pki/certificate-summary.ts';
import { incrementCounter } from './counters.ts';
import { outboundTlsMode, secureSendFailureContext, type OutboundTlsMode } from './domain-security-policy.ts';
import { joinMessage, splitMessage, withoutHeaderPrefix } from './message-headers.ts';
import { organizationHeaderPrefix } from './inbound-stamping.ts';
import { ProtocolLogSession, type ProtocolLogWriter } from './protocol-log.ts';
import type { QueuedMessage } from './queue.ts';
import { selectSendConnector } from './routing.ts';
import { SmtpClientConnection } from './smtp-client.ts';
import { isTransient, replies, responseText, type SmtpResponse } from './smtp-reply.ts';
import { chainFromPeerCertificate, tlsErrorName } from './starttls.ts';
import type { TlsContextCache } from './tls-context-cache.ts';
import { exchangeDefaults, timeoutSettings, type SendConnectorSettings, type TransportSettings } from './transport-settings.ts';
import { resolveMxNextHop } from './dns-next-hop.ts';

export interface DeliveryDependencies {
  settings: TransportSettings;
  tlsContexts: TlsContextCache;
  sendLog: ProtocolLogWriter;
  /** Aborting drops open connections (service stop). */
  signal?: AbortSignal;
}

export interface RecipientFailure {
  recipient: string;
  response: string;
}

export interface MessageOutcome {
  message: QueuedMessage;
  delivered: string[];
  transient: RecipientFailure[];
  permanent: RecipientFailure[];
}

export interface AttemptOutcome {
  /** Set when the queue as a whole failed (no session delivered anything): the queue's LastError. */
  queueError: string | undefined;
  messages: MessageOutcome[];
}

interface OutgoingMessage {
  message: QueuedMessage;
  data: Buffer;
}

class SessionFailure extends Error {
  constructor(readonly response: string) {
    super(response);
  }
}

function failover(primary: string): string {
  return `451 4.4.0 Primary target IP address responded with: "${primary}." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.`;
}

/** Exchange strips its organization headers when mail leaves the organization. */
export function outboundContent(data: Buffer): Buffer {
  const { headers, body } = splitMessage(data);
  if (headers.length === 0) return data;
  return joinMessage(withoutHeaderPrefix(headers, organizationHeaderPrefix), body);
}

export async function attemptDelivery(domain: string, outgoing: OutgoingMessage[], dependencies: DeliveryDependencies): Promise<AttemptOutcome> {
  const { settings } = dependencies;
  const route = selectSendConnector(settings.sendConnectors, domain);
  if (!route) return { queueError: '451 4.4.0 A matching connector cannot be found to route the external recipient', messages: [] };
  const connector = route.connector;
  const defaultPort = connector.port ?? exchangeDefaults.sendPort;
  let hosts: { host: string; port: number }[];
  if (!connector.dnsRoutingEnabled) {
    hosts = connector.smartHosts.map((smartHost) => ({ host: smartHost.host, port: smartHost.port ?? defaultPort }));
  } else {
    try {
      const resolved = await (settings.resolveNextHop ?? resolveMxNextHop)(domain);
      hosts = resolved.map((hop) => ({ host: hop.host, port: hop.port ?? defaultPort }));
    } catch (error) {
      return { queueError: `451 4.4.0 DNS query failed. The error was: ${(error as Error).message}`, messages: [] };
    }
  }
  if (hosts.length === 0) return { queueError: '451 4.4.0 DNS query failed. The error was: no mail exchanger for the domain', messages: [] };

  const sizeLimited: MessageOutcome[] = [];
  const sendable = outgoing.filter(({ message }) => {
    if (connector.maxMessageSize > 0 && message.size > connector.maxMessageSize) {
      sizeLimited.push({ message, delivered: [], transient: [], permanent: message.recipients.map((recipient) => ({ recipient, response: replies.messageTooBig })) });
      return false;
    }
    return true;
  });
  if (sendable.length === 0) return { queueError: undefined, messages: sizeLimited };

  let primaryResponse: string | undefined;
  for (const host of hosts) {
    try {
      const outcomes = await deliverThroughHost(domain, host, connector, sendable, dependencies);
      return { queueError: undefined, messages: [...sizeLimited, ...outcomes] };
    } catch (error) {
      const response = error instanceof SessionFailure ? error.response : `421 4.2.1 Unable to connect`;
      primaryResponse ??= response;
    }
  }
  return { queueError: hosts.length === 1 ? primaryResponse : failover(primaryResponse ?? ''), messages: sizeLimited };
}

function offersStartTls(ehlo: SmtpResponse): boolean {
  return ehlo.lines.slice(1).some((line) => line.trim().toUpperCase() === 'STARTTLS');
}

function advertisedSize(ehlo: SmtpResponse): number | undefined {
  const line = ehlo.lines.slice(1).find((entry) => /^SIZE\b/i.test(entry.trim()));
  const value = line ? Number.parseInt(line.trim().slice(4), 10) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : line ? 0 : undefined;
}

async function deliverThroughHost(
  domain: string,
  host: { host: string; port: number },
  connector: SendConnectorSettings,
  outgoing: OutgoingMessage[],
  dependencies: DeliveryDependencies,
  tlsMode: OutboundTlsMode = outboundTlsMode(domain, dependencies.settings.tlsSendDomainSecureList, connector),
): Promise<MessageOutcome[]> {
  const { settings } = dependencies;
  const timeouts = timeoutSettings(settings);
  const log = new ProtocolLogSession(connector.protocolLoggingLevel === 'Verbose' ? dependencies.sendLog : undefined, connector.name);
  log.remoteEndpoint = `${host.host}:${host.port}`;
  log.info('attempting to connect');
  const replyTimeoutMs = connector.connectionInactivityTimeoutMs ?? timeouts.replyMs;
  let connection: SmtpClientConnection;
  try {
    connection = await SmtpClientConnection.connect({ host: host.host, port: host.port, connectTimeoutMs: timeouts.connectMs, replyTimeoutMs, log });
  } catch (error) {
    log.info(`Failed to connect. Error: ${(error as Error).message}`);
    throw new SessionFailure('421 4.2.1 Unable to connect');
  }
  const abort = (): void => connection.destroy();
  dependencies.signal?.addEventListener('abort', abort, { once: true });
  const secureFailure = (response: string, reason: string, detail = ''): SessionFailure => {
    log.info(secureSendFailureContext(domain, connector.name, reason, detail));
    incrementCounter(settings.stateDir, 'Domain Secure Outbound Session Failures');
    return new SessionFailure(response);
  };
  try {
    const expect = async (pending: Promise<SmtpResponse>, ok: (code: number) => boolean): Promise<SmtpResponse> => {
      const response = await pending;
      if (!ok(response.code)) throw new SessionFailure(responseText(response));
      return response;
    };
    await expect(connection.readResponse(), (code) => code === 220);
    let ehlo = await connection.command(`EHLO ${connector.fqdn}`);
    if (ehlo.code >= 500) {
      if (tlsMode === 'domain-secure' || tlsMode === 'required') {
        if (tlsMode === 'domain-secure') throw secureFailure(replies.startTlsRequiredToSend, 'TLS was not offered');
        throw new SessionFailure(replies.startTlsRequiredToSend);
      }
      ehlo = await expect(connection.command(`HELO ${connector.fqdn}`), (code) => code === 250);
    } else if (ehlo.code !== 250) {
      throw new SessionFailure(responseText(ehlo));
    }
    if (tlsMode === 'domain-secure' && !connector.domainSecureEnabled) throw secureFailure(replies.domainSecureDisabled, 'the send connector is not enabled for domain security');
    if ((tlsMode === 'domain-secure' || tlsMode === 'required') && !offersStartTls(ehlo)) {
      if (tlsMode === 'domain-secure') throw secureFailure(replies.startTlsRequiredToSend, 'TLS was not offered');
      throw new SessionFailure(replies.startTlsRequiredToSend);
    }
    if (tlsMode !== 'never' && offersStartTls(ehlo)) {
      const started = await connection.command('STARTTLS');
      if (started.code !== 220) {
        if (tlsMode === 'domain-secure') throw secureFailure(responseText(started), 'STARTTLS was refused', responseText(started));
        if (tlsMode === 'required') throw new SessionFailure(responseText(started));
      } else {
        const certificate = settings.certificate(connector.fqdn);
        const context = certificate ? dependencies.tlsContexts.get(certificate) : undefined;
        let peerChain: Buffer[] = [];
        try {
          const tls = await connection.startTls({ secureContext: context?.secureContext ?? dependencies.tlsContexts.anonymousClientContext(), serverName: host.host, handshakeTimeoutMs: timeouts.tlsHandshakeMs });
          if (context) log.certificate('Sending certificate', context.info);
          // One getPeerCertificate(true) for both the log and the validation: on Node 20 a prior
          // getPeerX509Certificate() leaves getPeerCertificate(true) empty on the client side.
          const detailed = tls.getPeerCertificate(true);
          peerChain = chainFromPeerCertificate(detailed);
          if (peerChain.length > 0) log.certificate('Received certificate', summarizePeerCertificate(detailed));
        } catch (error) {
          log.info(`TLS negotiation failed with error ${tlsErrorName(error)}`);
          if (tlsMode === 'domain-secure') throw secureFailure(replies.certificateValidationFailure, 'TLS negotiation failed with error', tlsErrorName(error));
          if (tlsMode === 'required') throw new SessionFailure(`454 4.7.0 TLS negotiation failed with error ${tlsErrorName(error)}`);
          connection.close('Local');
          // Opportunistic: try once more on this host without STARTTLS, as Exchange does.
          return deliverThroughHost(domain, host, connector, outgoing, dependencies, 'never');
        }
        if (tlsMode === 'domain-secure') {
          let validation;
          try {
            validation = await settings.validatePeer(peerChain, domain);
          } catch (error) {
            validation = { ok: false, status: 'RevocationCheckFailure', detail: (error as Error).message };
          }
          log.info(`Chain validation status: '${validation.status}'`);
          if (!validation.ok) throw secureFailure(replies.certificateValidationFailure, `the certificate validation failed with status '${validation.status}'`, validation.detail.replace(/\.$/, ''));
          log.info('Secure domain certificate', domain);
        }
        ehlo = await expect(connection.command(`EHLO ${connector.fqdn}`), (code) => code === 250);
      }
    }
    const outcomes: MessageOutcome[] = [];
    const limit = advertisedSize(ehlo);
    for (const item of outgoing) outcomes.push(await sendOne(connection, log, item, limit, tlsMode === 'domain-secure' ? settings.stateDir : undefined));
    await connection.quit();
    return outcomes;
  } catch (error) {
    connection.close('Local');
    if (error instanceof SessionFailure) throw error;
    throw new SessionFailure(`421 4.4.2 Connection dropped due to ${(error as { code?: string }).code ?? 'an error'}`);
  } finally {
    dependencies.signal?.removeEventListener('abort', abort);
  }
}

async function sendOne(
  connection: SmtpClientConnection,
  log: ProtocolLogSession,
  { message, data }: OutgoingMessage,
  sizeLimit: number | undefined,
  domainSecureStateDir: string | undefined,
): Promise<MessageOutcome> {
  const outcome: MessageOutcome = { message, delivered: [], transient: [], permanent: [] };
  const failAll = (response: SmtpResponse | string, recipients: readonly string[] = message.recipients): MessageOutcome => {
    const text = typeof response === 'string' ? response : responseText(response);
    const code = typeof response === 'string' ? Number.parseInt(text, 10) : response.code;
    const bucket = isTransient(code) ? outcome.transient : outcome.permanent;
    for (const recipient of recipients) bucket.push({ recipient, response: text });
    return outcome;
  };
  const content = outboundContent(data);
  if (sizeLimit !== undefined && sizeLimit > 0 && content.length > sizeLimit) return failAll(replies.messageTooBig);
  log.messageMarker('sending');
  const mail = await connection.command(`MAIL FROM:<${message.from}>${sizeLimit !== undefined ? ` SIZE=${content.length}` : ''}`);
  if (mail.code !== 250) {
    await connection.command('RSET').catch(() => undefined);
    return failAll(mail);
  }
  const accepted: string[] = [];
  for (const recipient of message.recipients) {
    const rcpt = await connection.command(`RCPT TO:<${recipient}>`);
    if (rcpt.code === 250 || rcpt.code === 251) accepted.push(recipient);
    else (isTransient(rcpt.code) ? outcome.transient : outcome.permanent).push({ recipient, response: responseText(rcpt) });
  }
  if (accepted.length === 0) {
    await connection.command('RSET').catch(() => undefined);
    return outcome;
  }
  const start = await connection.command('DATA');
  if (start.code !== 354) return failAll(start, accepted);
  const final = await connection.sendData(content);
  if (final.code !== 250) return failAll(final, accepted);
  outcome.delivered.push(...accepted);
  if (domainSecureStateDir) incrementCounter(domainSecureStateDir, 'Domain Secure Messages Sent');
  return outcome;
}
