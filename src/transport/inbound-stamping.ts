// What the receive side writes into an accepted message: a Received header, Exchange's
// X-MS-Exchange-Organization-Auth* headers (reference 4.3: "Domain Secured" is AuthAs Partner +
// AuthMechanism 02 + AuthDomain + the Partner Mail classification), a Message-ID and Date when
// missing. Organization headers sent by an outside client are removed first (header firewall), so
// nobody can forge the Domain Secured marking.
import { headerLine, headerValue, joinMessage, splitMessage, withoutHeaderPrefix, foldHeader, type HeaderField } from './message-headers.ts';
import { rfc5322Date } from './rfc5322-date.ts';

export const organizationHeaderPrefix = 'X-MS-Exchange-Organization-';
export const partnerMailClassification = '030e9e2f-134b-4020-861c-5bfc616f113d';
export const exchangeBuild = '8.0.685.24';

/** How the sender of an accepted message was authenticated. */
export type InboundAuthentication =
  | { kind: 'anonymous' }
  | { kind: 'partner'; domain: string }
  | { kind: 'authenticated'; user: string }
  | { kind: 'externally-secured' }
  /** Submitted through the service API (Send-MailMessage to the local service). */
  | { kind: 'local' };

export interface StampingFacts {
  serverFqdn: string;
  helo: string;
  remoteAddress: string;
  localAddress: string;
  tls: boolean;
  authentication: InboundAuthentication;
  messageId: string;
}

function authHeaders(facts: StampingFacts, existing: readonly HeaderField[]): HeaderField[] {
  const source = headerLine(`${organizationHeaderPrefix}AuthSource`, facts.serverFqdn);
  const auth = facts.authentication;
  switch (auth.kind) {
    case 'partner':
      return [
        source,
        headerLine(`${organizationHeaderPrefix}AuthAs`, 'Partner'),
        headerLine(`${organizationHeaderPrefix}AuthMechanism`, '02'),
        headerLine(`${organizationHeaderPrefix}AuthDomain`, auth.domain),
        ...(headerValue(existing, `${organizationHeaderPrefix}Classification`) ? [] : [headerLine(`${organizationHeaderPrefix}Classification`, partnerMailClassification)]),
      ];
    case 'authenticated':
      return [source, headerLine(`${organizationHeaderPrefix}AuthAs`, 'Internal'), headerLine(`${organizationHeaderPrefix}AuthMechanism`, facts.tls ? '06' : '07')];
    case 'externally-secured':
      return [source, headerLine(`${organizationHeaderPrefix}AuthAs`, 'Internal'), headerLine(`${organizationHeaderPrefix}AuthMechanism`, '10')];
    case 'local':
      return [source, headerLine(`${organizationHeaderPrefix}AuthAs`, 'Internal')];
    default:
      return [source, headerLine(`${organizationHeaderPrefix}AuthAs`, 'Anonymous')];
  }
}

export function stampInboundMessage(data: Buffer, facts: StampingFacts): Buffer {
  const { headers, body } = splitMessage(data);
  const trusted = facts.authentication.kind === 'externally-secured';
  const kept = trusted ? headers : withoutHeaderPrefix(headers, organizationHeaderPrefix);
  const received = foldHeader(
    'Received',
    `from ${facts.helo || 'unknown'} (${facts.remoteAddress}) by ${facts.serverFqdn} (${facts.localAddress}) with Microsoft SMTP Server${facts.tls ? ' (TLS)' : ''} id ${exchangeBuild}; ${rfc5322Date()}`,
  );
  const added: HeaderField[] = [];
  if (!headerValue(kept, 'Message-ID')) added.push(headerLine('Message-ID', `<${facts.messageId}>`));
  if (!headerValue(kept, 'Date')) added.push(headerLine('Date', rfc5322Date()));
  const organization = authHeaders(facts, kept).filter((field) => !(trusted && headerValue(kept, field.name)));
  return joinMessage([received, ...kept, ...added, ...organization], body);
}

/** Prepended when the message is written to a local mailbox. */
export function withReturnPath(message: Buffer, sender: string): Buffer {
  return Buffer.concat([Buffer.from(`Return-Path: <${sender}>\r\n`, 'latin1'), message]);
}
