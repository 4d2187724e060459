// SMTP replies: Exchange's texts (reference sections 4, 5 and the seed's logs) and the wire format.

/** Fixed single-line replies, exactly as Exchange writes them. */
export const replies = {
  startTlsReady: '220 2.0.0 SMTP server ready',
  closing: '221 2.0.0 Service closing transmission channel',
  ok: '250 2.0.0 OK',
  resetting: '250 2.0.0 Resetting',
  cannotVrfy: '252 2.1.5 Cannot VRFY user',
  startMailInput: '354 Start mail input; end with <CRLF>.<CRLF>',
  timedOut: '421 4.4.1 Connection timed out',
  tooManyErrors: '421 4.7.0 Too many errors on this connection, closing transmission channel',
  tooManyConnections: '421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel',
  serviceNotAvailable: '421 4.3.2 Service not available, closing transmission channel',
  domainSecureDisabled: '451 4.7.3 The admin has temporarily disallowed this secure domain',
  startTlsRequiredToSend: '451 5.7.3 STARTTLS is required to send mail',
  localError: '451 4.3.0 Message rejected due to a local error',
  tooManyRecipients: '452 4.5.3 Too many recipients',
  tlsNotAvailable: '454 4.7.0 TLS not available due to temporary reason',
  authTempFailure: '454 4.7.0 Temporary authentication failure',
  certificateValidationFailure: '454 4.7.5 Certificate validation failure',
  unrecognizedCommand: '500 5.3.3 Unrecognized command',
  lineTooLong: '500 5.5.2 Line too long',
  invalidArguments: '501 5.5.4 Invalid arguments',
  invalidAddress: '501 5.1.7 Invalid address',
  notImplemented: '502 5.3.3 Command not implemented',
  badSequence: '503 5.5.1 Bad sequence of commands',
  helloFirst: '503 5.5.2 Send hello first',
  senderAlreadySpecified: '503 5.5.2 Sender already specified',
  needMailCommand: '503 5.5.2 Need mail command',
  needRcptCommand: '503 5.5.2 Need rcpt command',
  unrecognizedAuthType: '504 5.7.4 Unrecognized authentication type',
  authSucceeded: '235 2.7.0 Authentication successful',
  authFailed: '535 5.7.3 Authentication unsuccessful',
  alreadyAuthenticated: '503 5.5.2 Already authenticated',
  notAuthenticated: '530 5.7.1 Not authenticated',
  mustStartTls: '530 5.7.0 Must issue a STARTTLS command first',
  unableToRelay: '550 5.7.1 Unable to relay',
  messageTooBig: '552 5.3.4 Message size exceeds fixed maximum message size',
  queueExpired: '550 4.4.7 QUEUE.Expired; message expired',
  noConnectorForDomain: '550 5.4.4 Unable to route: no send connector for the recipient domain',
} as const;

export function senderOk(address: string): string {
  return `250 2.1.0 ${address} Sender OK`;
}

export function recipientOk(address: string): string {
  return `250 2.1.5 ${address} Recipient OK`;
}

export function queuedForDelivery(messageId: string): string {
  return `250 2.6.0 <${messageId}> Queued mail for delivery`;
}

export function bdatAccepted(octets: number): string {
  return `250 2.0.0 ${octets} bytes accepted`;
}

/** `{ code: 250, lines: ['a', 'b'] }` → `250-a` / `250 b`. */
export function multilineReply(code: number, lines: readonly string[]): string[] {
  return lines.map((line, index) => `${code}${index === lines.length - 1 ? ' ' : '-'}${line}`);
}

/** Wire form of reply lines. */
export function encodeReply(lines: readonly string[]): string {
  return lines.map((line) => `${line}\r\n`).join('');
}

/** A reply as the client parsed it. */
export interface SmtpResponse {
  code: number;
  lines: string[];
}

/** `250 2.1.0 foo` (first line, code included), as a queue's LastError shows it. */
export function responseText(response: SmtpResponse): string {
  return response.lines.map((line, index) => (index === 0 ? `${response.code} ${line}` : line)).join(' ');
}

export function isTransient(code: number): boolean {
  return code >= 400 && code < 500;
}
