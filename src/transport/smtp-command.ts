// Parsing SMTP command lines (RFC 5321 section 4.1): the verb, and the MAIL/RCPT path with its parameters.

export interface SmtpCommand {
  /** Upper-cased verb: `EHLO`, `MAIL`, ... */
  verb: string;
  /** Everything after the verb and one space, untrimmed at the end. */
  argument: string;
}

export function parseCommandLine(line: string): SmtpCommand {
  const space = line.indexOf(' ');
  if (space < 0) return { verb: line.toUpperCase(), argument: '' };
  return { verb: line.slice(0, space).toUpperCase(), argument: line.slice(space + 1) };
}

export interface PathArgument {
  /** The address inside `<...>` (empty string for the null reverse-path `<>`). */
  address: string;
  /** ESMTP parameters, keys upper-cased (`SIZE`, `BODY`, `RET`, ...); valueless ones map to ''. */
  parameters: Map<string, string>;
}

/** Parses `FROM:<a@b> SIZE=10` (prefix `FROM`) or `TO:<a@b>` (prefix `TO`); undefined if malformed. */
export function parsePathArgument(argument: string, prefix: 'FROM' | 'TO'): PathArgument | undefined {
  const colon = argument.indexOf(':');
  if (colon < 0 || argument.slice(0, colon).trim().toUpperCase() !== prefix) return undefined;
  const rest = argument.slice(colon + 1).trimStart();
  let address: string;
  let parameterText: string;
  if (rest.startsWith('<')) {
    const close = rest.indexOf('>');
    if (close < 0) return undefined;
    address = rest.slice(1, close);
    parameterText = rest.slice(close + 1);
  } else {
    // Tolerate a bare address, as Exchange and Postfix do.
    const space = rest.indexOf(' ');
    address = space < 0 ? rest : rest.slice(0, space);
    parameterText = space < 0 ? '' : rest.slice(space);
  }
  address = stripSourceRoute(address.trim());
  const parameters = new Map<string, string>();
  for (const token of parameterText.split(' ')) {
    if (token === '') continue;
    const equals = token.indexOf('=');
    if (equals === 0) return undefined;
    if (equals < 0) parameters.set(token.toUpperCase(), '');
    else parameters.set(token.slice(0, equals).toUpperCase(), token.slice(equals + 1));
  }
  return { address, parameters };
}

/** `@a,@b:user@d` → `user@d` (source routes are ignored, RFC 5321 section 3.3). */
function stripSourceRoute(address: string): string {
  if (!address.startsWith('@')) return address;
  const colon = address.indexOf(':');
  return colon < 0 ? address : address.slice(colon + 1);
}

const atextLocal = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const quotedLocal = /^"(?:[^"\\\r\n]|\\.)*"$/;
const domainPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const addressLiteral = /^\[[0-9A-Fa-f:.IPv]+\]$/;

export interface MailAddress {
  local: string;
  domain: string;
}

/** Splits and checks `local@domain`; undefined when it is not a usable mailbox. */
export function parseMailbox(address: string): MailAddress | undefined {
  if (address.length > 320) return undefined;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!atextLocal.test(local) && !quotedLocal.test(local)) return undefined;
  if (!domainPattern.test(domain) && !addressLiteral.test(domain)) return undefined;
  return { local, domain: domain.toLowerCase() };
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
