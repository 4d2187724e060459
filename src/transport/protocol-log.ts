// Exchange SMTP protocol logs (reference section 6): UTF-8 CSV with a BOM, a `#Software/#Version/
// #Log-type/#Date/#Fields` header, files `RECVyyyymmdd-N.LOG` / `SENDyyyymmdd-N.LOG` (UTC date,
// N from 1, a new N past 10 MB), one row per event: `+` connect, `-` disconnect, `>` sent,
// `<` received, `*` information. Rows are buffered and appended at most every 25 ms (at once past
// 64 KB, on stop and at process exit) with a single O_APPEND write, so concurrent writers
// interleave whole batches, never partial rows, and a busy service pays one write for many
// sessions' rows instead of one per event-loop turn.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateSummary } from '../pki/certificate-summary.ts';

export type ProtocolLogKind = 'Send' | 'Receive';
export type ProtocolLogEvent = '+' | '-' | '>' | '<' | '*';

export const protocolLogFields = 'date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context';
const maxFileBytes = 10 * 1024 * 1024;

const kinds = {
  Send: { folder: 'SmtpSend', prefix: 'SEND', logType: 'SMTP Send Protocol Log' },
  Receive: { folder: 'SmtpReceive', prefix: 'RECV', logType: 'SMTP Receive Protocol Log' },
} as const;

export function protocolLogDirectory(stateDir: string, kind: ProtocolLogKind): string {
  return join(stateDir, 'TransportRoles', 'Logs', 'ProtocolLog', kinds[kind].folder);
}

const needsQuoting = /[",\r\n]/;

/** Exchange's Utf8Csv rule: a field with `,` `"` or a line break is quoted, `"` doubled. */
export function csvField(value: string): string {
  return value === '' || !needsQuoting.test(value) ? value : `"${value.replace(/"/g, '""')}"`;
}

let lastStampMs = -1;
let lastStamp = '';

/** `2008-03-04T17:21:09.123Z`, computed once per millisecond. */
function timestamp(): string {
  const now = Date.now();
  if (now !== lastStampMs) {
    lastStampMs = now;
    lastStamp = new Date(now).toISOString();
  }
  return lastStamp;
}

/** How long a row may wait in memory, and how much may wait before it is written at once. */
const flushDelayMs = 25;
const flushBytes = 64 * 1024;

/** Writers with rows in memory, written out if the process exits without stopping the service. */
const openWriters = new Set<ProtocolLogWriter>();
process.once('exit', () => {
  for (const writer of openWriters) writer.flush();
});

function utcDateStamp(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

export class ProtocolLogWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private timer: NodeJS.Timeout | undefined;
  private currentFile: string | undefined;
  private descriptor: number | undefined;
  private closed = false;
  private currentDate = '';
  private currentSize = 0;
  readonly directory: string;

  constructor(
    stateDir: string,
    private readonly kind: ProtocolLogKind,
  ) {
    this.directory = protocolLogDirectory(stateDir, kind);
  }

  append(row: string): void {
    if (this.closed) return;
    this.pending.push(row);
    this.pendingLength += row.length;
    if (this.pendingLength >= flushBytes) return this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), flushDelayMs);
      this.timer.unref();
      openWriters.add(this);
    }
  }

  /** Writes buffered rows now (called on stop and by tests before reading the files). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    openWriters.delete(this);
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    const bytes = Buffer.from(text);
    try {
      this.fileFor(new Date(), bytes.length);
      writeSync(this.descriptor!, bytes);
      this.currentSize += bytes.length;
    } catch {
      // Logging must never take the transport down (disk full, directory removed...).
      this.close();
    }
  }

  /** Flushes and releases the file (service stop). */
  close(): void {
    if (this.pending.length > 0) this.flush();
    this.closed = true;
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
    this.currentFile = undefined;
  }

  private fileFor(now: Date, incoming: number): string {
    const date = utcDateStamp(now);
    if (this.currentFile && this.descriptor !== undefined && this.currentDate === date && this.currentSize + incoming <= maxFileBytes) return this.currentFile;
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
    mkdirSync(this.directory, { recursive: true });
    const { prefix } = kinds[this.kind];
    const pattern = new RegExp(`^${prefix}${date}-(\\d+)\\.LOG$`);
    let highest = 0;
    for (const name of readdirSync(this.directory)) {
      const match = pattern.exec(name);
      if (match) highest = Math.max(highest, Number(match[1]));
    }
    let instance = Math.max(highest, 1);
    let file = join(this.directory, `${prefix}${date}-${instance}.LOG`);
    let size = highest > 0 ? statSync(file).size : 0;
    if (size + incoming > maxFileBytes && size > 0) {
      instance += 1;
      file = join(this.directory, `${prefix}${date}-${instance}.LOG`);
      size = 0;
    }
    if (size === 0) this.writeHeader(file, now);
    this.descriptor = openSync(file, 'a');
    this.currentFile = file;
    this.currentDate = date;
    this.currentSize = fstatSync(this.descriptor).size;
    return file;
  }

  private writeHeader(file: string, now: Date): void {
    const header =
      '\uFEFF' +
      '#Software: Microsoft Exchange Server\r\n' +
      '#Version: 8.0.0.0\r\n' +
      `#Log-type: ${kinds[this.kind].logType}\r\n` +
      `#Date: ${now.toISOString()}\r\n` +
      `#Fields: ${protocolLogFields}\r\n`;
    try {
      writeFileSync(file, header, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

let lastTicks = 0n;
let slotCount = 1n;
let slotIndex = 0n;

/**
 * Receive workers share the log folder: worker `index` of `count` only uses ticks that are
 * `index` modulo `count`, so two processes never write the same session id.
 */
export function useSessionIdSlot(index: number, count: number): void {
  slotIndex = BigInt(index);
  slotCount = BigInt(count);
}

/** 16 upper-case hex digits, increasing: .NET ticks of now, like Exchange's session ids. */
export function newSessionId(): string {
  let ticks = BigInt(Date.now()) * 10_000n + 621_355_968_000_000_000n;
  if (ticks <= lastTicks) ticks = lastTicks + 1n;
  if (slotCount > 1n) ticks += (slotIndex - (ticks % slotCount) + slotCount) % slotCount;
  lastTicks = ticks;
  return ticks.toString(16).toUpperCase().padStart(16, '0');
}

/** The rows of one SMTP session; a no-op when the connector logs at None. */
export class ProtocolLogSession {
  private sequence = 0;
  localEndpoint = '';
  remoteEndpoint = '';
  readonly sessionId = newSessionId();
  private messageCount = 0;

  private readonly connectorField: string;

  constructor(
    private readonly writer: ProtocolLogWriter | undefined,
    connectorId: string,
  ) {
    this.connectorField = csvField(connectorId);
  }

  get enabled(): boolean {
    return this.writer !== undefined;
  }

  event(event: ProtocolLogEvent, data = '', context = ''): void {
    if (!this.writer) return;
    this.writer.append(
      `${timestamp()},${this.connectorField},${this.sessionId},${this.sequence++},${this.localEndpoint},${this.remoteEndpoint},${event},${csvField(data)},${csvField(context)}\r\n`,
    );
  }

  lines(event: ProtocolLogEvent, lines: readonly string[]): void {
    for (const line of lines) this.event(event, line);
  }

  info(context: string, data = ''): void {
    this.event('*', data, context);
  }

  /** `Sending certificate` / `Received certificate`, then subject, issuer, serial, thumbprint, alternate names. */
  certificate(label: string, info: CertificateSummary): void {
    if (!this.writer) return;
    this.info(label);
    this.info('Certificate subject', info.subject);
    this.info('Certificate issuer name', info.issuer);
    this.info('Certificate serial number', info.serialNumber);
    this.info('Certificate thumbprint', info.thumbprint);
    this.info('Certificate alternate names', info.dnsNames.join(';'));
  }

  /** `*,<session>;<time>;<n>,receiving message` (or `sending message`). */
  messageMarker(direction: 'receiving' | 'sending'): void {
    this.messageCount += 1;
    this.event('*', `${this.sessionId};${timestamp()};${this.messageCount}`, `${direction} message`);
  }
}
