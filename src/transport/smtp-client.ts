// A minimal SMTP client connection: connect, read (multi-line) replies with a timeout and bounded
// buffering, send commands, send dot-stuffed DATA, and switch to TLS after STARTTLS, discarding any
// plaintext the server sent after its 220 (a hostile server cannot inject replies into the TLS session).
import { connect as netConnect, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { endpoint } from '../store/ip-range.ts';
import type { ProtocolLogSession } from './protocol-log.ts';
import { SmtpInputBuffer } from './smtp-input-buffer.ts';
import type { SmtpResponse } from './smtp-reply.ts';
import { upgradeClientSocket, type ClientUpgradeOptions } from './starttls.ts';

const maxReplyLine = 4096;
const maxReplyLines = 200;

export class SmtpProtocolError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SmtpProtocolError';
  }
}

export interface ConnectOptions {
  host: string;
  port: number;
  connectTimeoutMs: number;
  replyTimeoutMs: number;
  log?: ProtocolLogSession;
}

export class SmtpClientConnection {
  private stream: Socket | TLSSocket;
  private readonly input = new SmtpInputBuffer();
  private partial: string[] = [];
  private readonly ready: SmtpResponse[] = [];
  private waiting: { resolve: (response: SmtpResponse) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | undefined;
  private failure: Error | undefined;
  private tlsSocket: TLSSocket | undefined;
  private closed = false;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);

  private constructor(
    private readonly raw: Socket,
    private readonly options: ConnectOptions,
  ) {
    this.stream = raw;
    raw.on('data', this.onData);
    raw.on('error', (error) => this.fail(error));
    raw.on('close', () => this.fail(new SmtpProtocolError('The connection was closed by the remote host', 'ECONNRESET')));
  }

  static connect(options: ConnectOptions): Promise<SmtpClientConnection> {
    return new Promise((resolve, reject) => {
      const socket = netConnect({ host: options.host, port: options.port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new SmtpProtocolError(`Connection to ${options.host}:${options.port} timed out`, 'ETIMEDOUT'));
      }, options.connectTimeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        if (options.log) {
          options.log.localEndpoint = endpoint(socket.localAddress, socket.localPort);
          options.log.remoteEndpoint = endpoint(socket.remoteAddress, socket.remotePort);
          options.log.event('+');
        }
        resolve(new SmtpClientConnection(socket, options));
      });
    });
  }

  get tls(): TLSSocket | undefined {
    return this.tlsSocket;
  }

  get remoteAddress(): string | undefined {
    return this.raw.remoteAddress;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    if (this.waiting) {
      clearTimeout(this.waiting.timer);
      this.waiting.reject(this.failure);
      this.waiting = undefined;
    }
  }

  private receive(chunk: Buffer): void {
    this.input.push(chunk);
    for (;;) {
      const line = this.input.takeLine(maxReplyLine);
      if (line === undefined) return;
      if (line.kind === 'too-long' || this.partial.length >= maxReplyLines) {
        this.fail(new SmtpProtocolError('The remote host sent an over-long reply', 'EPROTO'));
        this.stream.destroy();
        return;
      }
      this.options.log?.event('<', line.text);
      const match = /^(\d{3})([ -]?)(.*)$/.exec(line.text);
      if (!match) {
        this.fail(new SmtpProtocolError(`The remote host sent an invalid reply: ${line.text.slice(0, 100)}`, 'EPROTO'));
        this.stream.destroy();
        return;
      }
      this.partial.push(match[3]!);
      if (match[2] === '-') continue;
      const response = { code: Number(match[1]), lines: this.partial };
      this.partial = [];
      if (this.waiting) {
        clearTimeout(this.waiting.timer);
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve(response);
      } else {
        this.ready.push(response);
      }
    }
  }

  readResponse(): Promise<SmtpResponse> {
    const next = this.ready.shift();
    if (next) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new SmtpProtocolError('Timed out waiting for a reply from the remote host', 'ETIMEDOUT'));
        this.stream.destroy();
      }, this.options.replyTimeoutMs);
      this.waiting = { resolve, reject, timer };
    });
  }

  send(line: string, logText: string = line): void {
    this.options.log?.event('>', logText);
    if (this.stream.writable) this.stream.write(`${line}\r\n`);
  }

  command(line: string, logText?: string): Promise<SmtpResponse> {
    this.send(line, logText);
    return this.readResponse();
  }

  /** Sends the message dot-stuffed and terminated, returns the final reply. */
  sendData(message: Buffer): Promise<SmtpResponse> {
    this.stream.write(dotStuff(message));
    return this.readResponse();
  }

  /** Call after the server's 220 to STARTTLS. */
  async startTls(options: Omit<ClientUpgradeOptions, 'handshakeTimeoutMs'> & { handshakeTimeoutMs?: number }): Promise<TLSSocket> {
    this.raw.off('data', this.onData);
    this.raw.pause();
    const discarded = this.input.clear();
    this.ready.length = 0;
    this.partial = [];
    if (discarded > 0) this.options.log?.info(`Discarded ${discarded} bytes received after STARTTLS before the TLS handshake`);
    const { socket, secure } = upgradeClientSocket(this.raw, { handshakeTimeoutMs: this.options.replyTimeoutMs, ...options });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new SmtpProtocolError('The connection was closed by the remote host', 'ECONNRESET')));
    this.stream = socket;
    await secure;
    this.tlsSocket = socket;
    socket.on('data', this.onData);
    return socket;
  }

  /** Sends QUIT (best effort) and closes. */
  async quit(): Promise<void> {
    if (!this.failure && this.stream.writable) {
      try {
        await this.command('QUIT');
      } catch {
        // closing anyway
      }
    }
    this.close();
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.stream.destroy();
    this.raw.destroy();
  }

  close(reason = 'Local'): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.stream.destroyed) {
      this.stream.end();
      setTimeout(() => this.stream.destroy(), 1000).unref();
    }
    this.options.log?.event('-', '', reason);
  }
}

/** Dot-stuffs (RFC 5321 4.5.2) and appends `<CRLF>.<CRLF>`. */
export function dotStuff(message: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  if (message[0] === 0x2e) {
    parts.push(Buffer.from('.'));
  }
  for (let index = message.indexOf('\n.'); index >= 0; index = message.indexOf('\n.', index + 1)) {
    parts.push(message.subarray(start, index + 1), Buffer.from('.'));
    start = index + 1;
  }
  parts.push(message.subarray(start));
  const endsWithCrLf = message.length >= 2 && message[message.length - 2] === 0x0d && message[message.length - 1] === 0x0a;
  parts.push(Buffer.from(endsWithCrLf ? '.\r\n' : message.length === 0 ? '.\r\n' : '\r\n.\r\n'));
  return Buffer.concat(parts);
}
