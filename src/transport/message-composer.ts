// Building a plain-text RFC 5322 message (what Send-MailMessage submits), with RFC 2047 encoded
// words for non-ASCII header text, and decoding such words when reading mail back.
import { randomBytes } from 'node:crypto';
import { rfc5322Date } from './rfc5322-date.ts';

export interface ComposeOptions {
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  body: string;
  /** Extra header fields, e.g. `{ 'X-Priority': '1' }`. */
  headers?: Record<string, string>;
  /** Domain for the generated Message-ID. */
  messageIdDomain: string;
}

const nonAscii = /[^\x20-\x7e]/;

export function encodeHeaderText(text: string): string {
  if (!nonAscii.test(text)) return text;
  return `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

export function decodeHeaderText(text: string): string {
  return text.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=(?:\s+(?==\?))?/g, (whole, charset: string, encoding: string, payload: string) => {
    const normalized = charset.toLowerCase();
    if (normalized !== 'utf-8' && normalized !== 'us-ascii' && normalized !== 'iso-8859-1') return whole;
    const bytes =
      encoding.toUpperCase() === 'B'
        ? Buffer.from(payload, 'base64')
        : Buffer.from(payload.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
    return bytes.toString(normalized === 'iso-8859-1' ? 'latin1' : 'utf8');
  });
}

export function newInternetMessageId(domain: string): string {
  return `${Date.now().toString(36)}.${randomBytes(6).toString('hex')}@${domain}`;
}

export function composeMessage(options: ComposeOptions): { data: Buffer; messageId: string } {
  const messageId = newInternetMessageId(options.messageIdDomain);
  const body = options.body.replace(/\r?\n/g, '\r\n');
  const eightBit = nonAscii.test(body.replace(/[\r\n\t]/g, ''));
  const lines = [
    `From: ${options.from}`,
    `To: ${options.to.join(', ')}`,
    ...(options.cc && options.cc.length > 0 ? [`Cc: ${options.cc.join(', ')}`] : []),
    `Subject: ${encodeHeaderText(options.subject)}`,
    `Date: ${rfc5322Date()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    `Content-Transfer-Encoding: ${eightBit ? '8bit' : '7bit'}`,
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${encodeHeaderText(value)}`),
  ];
  const text = `${lines.join('\r\n')}\r\n\r\n${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
  return { data: Buffer.from(text, 'utf8'), messageId };
}
