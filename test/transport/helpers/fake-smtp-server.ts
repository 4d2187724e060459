// A scripted plaintext SMTP server for outbound tests: it records every line it receives and
// answers from a small policy (no STARTTLS, temporary or permanent refusals, injected replies).
import { createServer, type Server, type Socket } from 'node:net';

export interface FakeServerPolicy {
  /** Extra EHLO keywords (default none: in particular no STARTTLS). */
  ehloKeywords?: string[];
  /** Reply to STARTTLS (when advertised); `injectAfterStartTls` is appended in the same write. */
  startTlsReply?: string;
  injectAfterStartTls?: string;
  mailReply?: string;
  rcptReply?: (address: string) => string;
  dataEndReply?: string;
}

export interface FakeSmtpServer {
  port: number;
  /** Every line received, across connections. */
  lines: string[];
  /** Message bodies received after DATA. */
  messages: string[];
  connections: number;
  close(): Promise<void>;
}

export async function startFakeSmtpServer(policy: FakeServerPolicy = {}): Promise<FakeSmtpServer> {
  const sockets = new Set<Socket>();
  const state: FakeSmtpServer = {
    port: 0,
    lines: [],
    messages: [],
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    state.connections += 1;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let body = '';
    socket.write('220 fake.example ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (inData) {
          if (line === '.') {
            inData = false;
            state.messages.push(body);
            body = '';
            socket.write(`${policy.dataEndReply ?? '250 2.0.0 queued'}\r\n`);
          } else {
            body += `${line}\n`;
          }
          continue;
        }
        state.lines.push(line);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write(['250-fake.example', ...(policy.ehloKeywords ?? []).map((keyword) => `250-${keyword}`), '250 8BITMIME'].join('\r\n') + '\r\n');
        else if (verb === 'HELO') socket.write('250 fake.example\r\n');
        else if (verb === 'STARTTLS') socket.write(`${policy.startTlsReply ?? '454 4.7.0 TLS not available'}\r\n${policy.injectAfterStartTls ?? ''}`);
        else if (verb === 'MAIL') socket.write(`${policy.mailReply ?? '250 2.1.0 ok'}\r\n`);
        else if (verb === 'RCPT') socket.write(`${policy.rcptReply?.(line) ?? '250 2.1.5 ok'}\r\n`);
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'RSET') socket.write('250 2.0.0 reset\r\n');
        else if (verb === 'QUIT') socket.end('221 2.0.0 bye\r\n');
        else socket.write('500 5.5.1 what\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}
