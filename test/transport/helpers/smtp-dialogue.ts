// A scripted SMTP client for protocol tests: raw lines in, parsed replies out, optional STARTTLS.
// Every operation has a timeout, so a server that stalls fails the test instead of hanging it.
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface Reply {
  code: number;
  lines: string[];
  /** All lines joined with `\n`, code included. */
  text: string;
}

export class SmtpDialogue {
  private buffer = '';
  private readonly replies: Reply[] = [];
  private waiter: ((reply: Reply | undefined) => void) | undefined;
  private partial: string[] = [];
  closed = false;
  private tls: TLSSocket | undefined;

  private constructor(private socket: Socket) {
    this.attach(socket);
  }

  static async open(port: number, host = '127.0.0.1'): Promise<SmtpDialogue> {
    const socket = connect({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    return new SmtpDialogue(socket);
  }

  private attach(socket: Socket): void {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.(undefined);
      this.waiter = undefined;
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      this.partial.push(line);
      if (line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), lines: this.partial.map((entry) => entry.slice(4)), text: this.partial.join('\n') };
      this.partial = [];
      if (this.waiter) {
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter(reply);
      } else {
        this.replies.push(reply);
      }
    }
  }

  /** The next reply; rejects after `timeoutMs`, resolves undefined if the server closed. */
  read(timeoutMs = 5000): Promise<Reply | undefined> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`No SMTP reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
    });
  }

  write(text: string | Buffer): void {
    (this.tls ?? this.socket).write(text);
  }

  /** Writes and waits until the socket drained (large bodies without client-side buffering). */
  async writeWithBackpressure(data: Buffer): Promise<void> {
    const stream = this.tls ?? this.socket;
    if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }

  async send(line: string, timeoutMs?: number): Promise<Reply> {
    this.write(`${line}\r\n`);
    const reply = await this.read(timeoutMs);
    if (!reply) throw new Error(`The server closed the connection after ${line}`);
    return reply;
  }

  /** Upgrades after a 220 to STARTTLS; optionally presents a client certificate. */
  async startTls(options: { keyPem?: string; certPem?: string } = {}): Promise<TLSSocket> {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('close');
    const tls = tlsConnect({ socket: this.socket, rejectUnauthorized: false, ...(options.keyPem ? { key: options.keyPem, cert: options.certPem } : {}) });
    await new Promise<void>((resolve, reject) => {
      tls.once('secureConnect', () => resolve());
      tls.once('error', reject);
    });
    this.tls = tls;
    this.buffer = '';
    this.attach(tls);
    return tls;
  }

  /** The client's port of the connection (finds the server process holding its other end). */
  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  /** Waits until the server closes the connection (or the timeout passes). */
  async waitClosed(timeoutMs = 5000): Promise<boolean> {
    const started = Date.now();
    while (!this.closed && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
    return this.closed;
  }

  close(): void {
    this.tls?.destroy();
    this.socket.destroy();
  }
}
