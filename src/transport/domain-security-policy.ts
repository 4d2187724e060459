// Exchange's domain-security decisions (reference section 4), as pure functions.
//
// Receive side, at MAIL FROM: only for an anonymous session whose envelope sender domain is on
// TLSReceiveDomainSecureList. Send side: only for a next-hop domain on TLSSendDomainSecureList,
// where STARTTLS, a valid matching server certificate and our own certificate are mandatory and a
// failure never falls back to plaintext.
import type { PresentedCertificates } from './presented-certificates.ts';
import { replies } from './smtp-reply.ts';
import { domainListContains, type PeerValidator, type SendConnectorSettings } from './transport-settings.ts';

export type InboundDecision =
  | { kind: 'not-applicable' }
  | { kind: 'partner'; domain: string; status: string }
  | { kind: 'reject'; reply: string; logContext: string; status?: string };

export interface InboundSessionFacts {
  senderDomain: string;
  receiveDomainSecureList: readonly string[];
  connectorName: string;
  connectorDomainSecureEnabled: boolean;
  /** The session already authenticated otherwise (AUTH, externally secured): the check is skipped. */
  alreadyAuthenticated: boolean;
  tlsActive: boolean;
  startTlsAdvertised: boolean;
  /** The client's certificates (read when first asked for); no leaf when none was presented. */
  peerCertificates: () => PresentedCertificates;
  validatePeer: PeerValidator;
}

export async function decideInboundDomainSecurity(facts: InboundSessionFacts): Promise<InboundDecision> {
  const domain = facts.senderDomain;
  if (facts.alreadyAuthenticated || !domainListContains(facts.receiveDomainSecureList, domain)) return { kind: 'not-applicable' };
  const connector = facts.connectorName;
  if (!facts.connectorDomainSecureEnabled) {
    return { kind: 'reject', reply: replies.domainSecureDisabled, logContext: `Domain-secured domain '${domain}' is not enabled for domain security on connector '${connector}'.` };
  }
  if (!facts.tlsActive) {
    return facts.startTlsAdvertised
      ? { kind: 'reject', reply: replies.notAuthenticated, logContext: `A message from domain-secured domain '${domain}' on connector '${connector}' failed to authenticate because Transport Layer Security (TLS) was not started.` }
      : { kind: 'reject', reply: replies.authTempFailure, logContext: `A message from domain-secured domain '${domain}' on connector '${connector}' failed to authenticate because Transport Layer Security (TLS) is not advertised.` };
  }
  const presented = facts.peerCertificates();
  if (!presented.leaf) {
    return { kind: 'reject', reply: replies.notAuthenticated, status: 'EmptyCertificate', logContext: `A message from domain-secured domain '${domain}' on connector '${connector}' failed to authenticate because no Transport Layer Security (TLS) client certificate was presented.` };
  }
  let validation;
  try {
    validation = await facts.validatePeer(presented, domain);
  } catch (error) {
    validation = { ok: false, status: 'RevocationCheckFailure', detail: (error as Error).message };
  }
  if (validation.ok) return { kind: 'partner', domain, status: validation.status };
  const logContext =
    validation.status === 'NameMismatch'
      ? `A message from domain-secured domain '${domain}' on connector '${connector}' failed to authenticate because the Transport Layer Security (TLS) certificate does not contain the domain name.`
      : `A secure connection from domain-secured domain '${domain}' on connector '${connector}' failed to authenticate because validation of the Transport Layer Security (TLS) certificate failed with status '${validation.status}'.`;
  return { kind: 'reject', reply: replies.certificateValidationFailure, status: validation.status, logContext };
}

/** How the send side must treat TLS for one next hop. */
export type OutboundTlsMode = 'domain-secure' | 'required' | 'opportunistic' | 'never';

export function outboundTlsMode(nextHopDomain: string, sendDomainSecureList: readonly string[], connector: SendConnectorSettings): OutboundTlsMode {
  if (domainListContains(sendDomainSecureList, nextHopDomain)) return 'domain-secure';
  if (connector.requireTls) return 'required';
  if (connector.ignoreStartTls) return 'never';
  return 'opportunistic';
}

/** The protocol-log context Exchange writes when a domain-secure send fails. */
export function secureSendFailureContext(domain: string, connector: string, reason: string, detail = ''): string {
  return `Message to secure domain '${domain}' on send connector '${connector}' failed because ${reason} ${detail}.`;
}
