// What a receive connector accepts at MAIL FROM and RCPT TO, after the command sequence is right:
// Exchange's argument checks, RequireTLS, the declared SIZE, the domain-secure decision
// (domain-security-policy.ts) and, per recipient, MaxRecipientsPerMessage and relaying (only
// authenticated or externally secured sessions may send to domains that are not accepted).
import { decideInboundDomainSecurity } from './domain-security-policy.ts';
import type { InboundAuthentication } from './inbound-stamping.ts';
import type { PresentedCertificates } from './presented-certificates.ts';
import { domainOf, parseMailbox, parsePathArgument } from './smtp-command.ts';
import { replies } from './smtp-reply.ts';
import { domainListContains, exchangeDefaults, type ReceiveConnectorSettings, type TransportSettings } from './transport-settings.ts';

/** A refused command: the reply, whether it counts as a protocol error, and protocol-log info rows. */
export interface EnvelopeRefusal {
  refused: string;
  protocolError: boolean;
  logInfo: string[];
}

export interface SenderFacts {
  connector: ReceiveConnectorSettings;
  settings: TransportSettings;
  tlsActive: boolean;
  /** STARTTLS was (or could be) offered in this session. */
  startTlsAdvertised: () => boolean;
  authenticatedUser: string | undefined;
  /** The client's certificates (read when first asked for); no leaf when none was presented. */
  peerCertificates: () => PresentedCertificates;
}

const refuse = (reply: string, logInfo: string[] = []): EnvelopeRefusal => ({ refused: reply, protocolError: false, logInfo });
const protocolError = (reply: string): EnvelopeRefusal => ({ refused: reply, protocolError: true, logInfo: [] });

function authenticationWithoutDomainSecurity(facts: SenderFacts): InboundAuthentication | undefined {
  if (facts.authenticatedUser) return { kind: 'authenticated', user: facts.authenticatedUser };
  if (facts.connector.authMechanism.externalAuthoritative) return { kind: 'externally-secured' };
  return undefined;
}

export async function admitSender(argument: string, facts: SenderFacts): Promise<EnvelopeRefusal | { from: string; authentication: InboundAuthentication }> {
  const { connector } = facts;
  if (connector.requireTls && !facts.tlsActive) return refuse(replies.mustStartTls);
  const path = parsePathArgument(argument, 'FROM');
  if (!path) return protocolError(replies.invalidArguments);
  if (path.address !== '' && !parseMailbox(path.address)) return protocolError(replies.invalidAddress);
  const declaredSize = path.parameters.get('SIZE');
  if (declaredSize !== undefined && !/^\d{1,15}$/.test(declaredSize)) return protocolError(replies.invalidArguments);
  if (declaredSize !== undefined && Number(declaredSize) > connector.maxMessageSize) return refuse(replies.messageTooBig);
  const preauthenticated = authenticationWithoutDomainSecurity(facts);
  let authentication: InboundAuthentication = preauthenticated ?? { kind: 'anonymous' };
  if (path.address !== '') {
    const decision = await decideInboundDomainSecurity({
      senderDomain: domainOf(path.address),
      receiveDomainSecureList: facts.settings.tlsReceiveDomainSecureList,
      connectorName: connector.name,
      connectorDomainSecureEnabled: connector.domainSecureEnabled,
      alreadyAuthenticated: preauthenticated !== undefined,
      tlsActive: facts.tlsActive,
      startTlsAdvertised: facts.startTlsAdvertised(),
      peerCertificates: facts.peerCertificates,
      validatePeer: facts.settings.validatePeer,
    });
    if (decision.kind === 'reject') {
      const statusRow = decision.status ? [`Client certificate chain validation status: '${decision.status}'`] : [];
      return refuse(decision.reply, [...statusRow, decision.logContext]);
    }
    if (decision.kind === 'partner') authentication = { kind: 'partner', domain: decision.domain };
  }
  return { from: path.address, authentication };
}

export function admitRecipient(
  argument: string,
  transaction: { authentication: InboundAuthentication; recipients: readonly string[] },
  connector: ReceiveConnectorSettings,
  settings: TransportSettings,
): EnvelopeRefusal | { recipient: string } {
  const path = parsePathArgument(argument, 'TO');
  if (!path) return protocolError(replies.invalidArguments);
  const mailbox = parseMailbox(path.address);
  if (!mailbox) return protocolError(replies.invalidAddress);
  const maxRecipients = connector.maxRecipientsPerMessage ?? exchangeDefaults.receive.maxRecipientsPerMessage;
  if (transaction.recipients.length >= maxRecipients) return refuse(replies.tooManyRecipients);
  const local = domainListContains(settings.acceptedDomains, mailbox.domain);
  const mayRelay = transaction.authentication.kind === 'authenticated' || transaction.authentication.kind === 'externally-secured';
  if (!local && !mayRelay) return refuse(replies.unableToRelay);
  return { recipient: path.address };
}
