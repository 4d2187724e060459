// Local delivery and reading: one `.eml` per recipient under `<stateDir>/mailbox/<domain>/<local>/`,
// and the "Domain Secured" flag Outlook 2007 showed for mail that arrived over mutual TLS.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PreparedTemporary } from '../store/atomic-write.ts';
import { writeSpoolFile } from './spool-files.ts';
import { headerValue, splitMessage, type HeaderField } from './message-headers.ts';
import { parseMailbox } from './smtp-command.ts';
import { decodeHeaderText } from './message-composer.ts';

function safeSegment(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9._+-]/g, (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return cleaned === '.' || cleaned === '..' || cleaned === '' ? `%2e${cleaned}` : cleaned;
}

export function mailboxDirectory(stateDir: string, address: string): string {
  const parsed = parseMailbox(address);
  const local = parsed?.local ?? address;
  const domain = parsed?.domain ?? 'invalid';
  return join(stateDir, 'mailbox', safeSegment(domain), safeSegment(local));
}

let counter = 0;

export function newMessageFileName(): string {
  counter = (counter + 1) % 1_000_000;
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${String(counter).padStart(6, '0')}-${randomBytes(3).toString('hex')}.eml`;
}

/** Writes the message for one recipient; returns the file path. */
export async function deliverToMailbox(stateDir: string, recipient: string, message: Buffer, durable = true, prepared?: PreparedTemporary): Promise<string> {
  const path = join(mailboxDirectory(stateDir, recipient), newMessageFileName());
  await writeSpoolFile(path, message, durable, prepared);
  return path;
}

export interface MailboxEntry {
  path: string;
  receivedTime: Date;
  size: number;
}

export function listMailbox(stateDir: string, address: string): MailboxEntry[] {
  const directory = mailboxDirectory(stateDir, address);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => {
      const path = join(directory, name);
      const stats = statSync(path);
      return { path, receivedTime: stats.mtime, size: stats.size };
    });
}

export interface MailMessage {
  path: string;
  headers: HeaderField[];
  subject: string | undefined;
  from: string | undefined;
  to: string | undefined;
  date: string | undefined;
  messageId: string | undefined;
  body: string;
  /** Arrived over mutual TLS from a domain-secure partner (AuthAs Partner, AuthMechanism 02). */
  domainSecured: boolean;
  /** The partner domain when domain secured. */
  authDomain: string | undefined;
}

export function isDomainSecured(headers: readonly HeaderField[]): boolean {
  return (
    headerValue(headers, 'X-MS-Exchange-Organization-AuthAs')?.toLowerCase() === 'partner' &&
    headerValue(headers, 'X-MS-Exchange-Organization-AuthMechanism') === '02'
  );
}

function subjectOf(headers: readonly HeaderField[]): string | undefined {
  const subject = headerValue(headers, 'Subject');
  return subject === undefined ? undefined : decodeHeaderText(subject);
}

export function readMessage(path: string): MailMessage {
  const raw = readFileSync(path);
  const { headers, body } = splitMessage(raw);
  const decoded = headers.map((field) => ({ ...field, value: Buffer.from(field.value, 'latin1').toString('utf8') }));
  const domainSecured = isDomainSecured(decoded);
  return {
    path,
    headers: decoded,
    subject: subjectOf(decoded),
    from: headerValue(decoded, 'From'),
    to: headerValue(decoded, 'To'),
    date: headerValue(decoded, 'Date'),
    messageId: headerValue(decoded, 'Message-ID'),
    body: body.toString('utf8'),
    domainSecured,
    authDomain: domainSecured ? headerValue(decoded, 'X-MS-Exchange-Organization-AuthDomain') : undefined,
  };
}
