// Non-delivery reports (RFC 3464 multipart/report) for messages that failed permanently or expired
// in the queue, in the shape of Exchange 2007's NDR.
import { randomBytes } from 'node:crypto';
import { splitMessage } from './message-headers.ts';
import { rfc5322Date } from './rfc5322-date.ts';

export interface FailedRecipient {
  recipient: string;
  /** SMTP reply text, e.g. `550 4.4.7 QUEUE.Expired; message expired`. */
  response: string;
}

export interface NdrOptions {
  reportingMta: string;
  postmaster: string;
  originalSender: string;
  originalMessage: Buffer;
  failed: readonly FailedRecipient[];
  /** Last error seen while retrying (shown for expired messages). */
  lastError?: string;
}

function statusOf(response: string): string {
  return /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] ?? '5.0.0';
}

export function buildNdr(options: NdrOptions): { data: Buffer; messageId: string } {
  const boundary = `ndr-${randomBytes(8).toString('hex')}`;
  const messageId = `${randomBytes(8).toString('hex')}@${options.reportingMta}`;
  const originalHeaders = splitMessage(options.originalMessage).headers.map((field) => field.raw).join('\r\n');
  const subjectLine = splitMessage(options.originalMessage).headers.find((field) => field.name.toLowerCase() === 'subject');
  const human = [
    'Delivery has failed to these recipients or distribution lists:',
    '',
    ...options.failed.flatMap((failure) => [failure.recipient, 'The message could not be delivered. Microsoft Exchange will not try to redeliver this message for you.', '']),
    'Diagnostic information for administrators:',
    '',
    `Generating server: ${options.reportingMta}`,
    '',
    ...options.failed.flatMap((failure) => [failure.recipient, `#${failure.response} ##`, '']),
    ...(options.lastError ? [`Last error: ${options.lastError}`, ''] : []),
  ].join('\r\n');
  const machine = [
    `Reporting-MTA: dns;${options.reportingMta}`,
    '',
    ...options.failed.flatMap((failure) => [
      `Final-Recipient: rfc822;${failure.recipient}`,
      'Action: failed',
      `Status: ${statusOf(failure.response)}`,
      `Diagnostic-Code: smtp;${failure.response}`,
      '',
    ]),
  ].join('\r\n');
  const text = [
    `From: Microsoft Exchange <${options.postmaster}>`,
    `To: <${options.originalSender}>`,
    `Date: ${rfc5322Date()}`,
    `Subject: Undeliverable: ${subjectLine ? subjectLine.value : ''}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    'Auto-Submitted: auto-replied',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="us-ascii"',
    '',
    human,
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    machine,
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    originalHeaders,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { data: Buffer.from(text, 'latin1'), messageId };
}
