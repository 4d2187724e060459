// Hostile and broken clients: the receive connector must never crash, stall other sessions or
// buffer without bound, and must not let plaintext pipelined after STARTTLS into the TLS session.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { protocolLogDirectory } from '../../src/transport/protocol-log.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import { labCertificates } from './helpers/certificates.ts';
import { contosoSettings, inetReceiveConnector, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';
import { SmtpDialogue } from './helpers/smtp-dialogue.ts';
import { waitFor } from './helpers/wait.ts';

const certificates = labCertificates();
const state = temporaryStateDir('hostile');
let service: TransportService;
let port: number;

before(async () => {
  const settings = contosoSettings({ stateDir: state.path, certificates, registry: new LabRegistry() });
  service = await startTransportService({
    ...settings,
    receiveConnectors: [inetReceiveConnector('mail.contoso.com', { maxMessageSize: 1024 * 1024, connectionInactivityTimeoutMs: 1000, connectionTimeoutMs: 4000 })],
  });
  port = service.listeners[0]!.port;
});

after(async () => {
  await service.stop();
  state.remove();
});

/** A complete, normal session: proves the server still serves everyone else. */
async function healthy(localAddress = '127.0.0.2', targetPort = port): Promise<void> {
  const socket = connect({ port: targetPort, host: '127.0.0.1', localAddress });
  const replies: string[] = [];
  let buffer = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\r\n');
    buffer = lines.pop()!;
    replies.push(...lines.filter((line) => /^\d{3} /.test(line)));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  await waitFor(() => replies.length >= 1, 5000, 'the banner');
  if (!replies[0]!.startsWith('220 ')) {
    socket.destroy();
    throw new Error(`Refused: ${replies[0]}`);
  }
  socket.write('EHLO ok.fabrikam.com\r\nMAIL FROM:<ok@fabrikam.com>\r\nRCPT TO:<health@contoso.com>\r\nDATA\r\n');
  await waitFor(() => replies.length >= 5, 5000, 'pipelined replies');
  socket.write('Subject: fine\r\n\r\nfine\r\n.\r\nQUIT\r\n');
  await waitFor(() => replies.length >= 7, 5000, 'final replies');
  socket.destroy();
  assert.match(replies[0]!, /^220 /);
  assert.match(replies[5]!, /^250 2\.6\.0 /);
  assert.match(replies[6]!, /^221 /);
}

test('commands before EHLO and garbage get 5xx replies; too many errors close the session', async () => {
  const dialogue = await SmtpDialogue.open(port);
  await dialogue.read();
  assert.equal((await dialogue.send('MAIL FROM:<a@fabrikam.com>')).code, 503);
  assert.equal((await dialogue.send('DATA')).code, 503);
  assert.equal((await dialogue.send('\u0000\u0001GET / HTTP/1.1')).code, 500);
  assert.equal((await dialogue.send('RCPT TO:<x@contoso.com>')).code, 503);
  const last = await dialogue.send('FOO');
  assert.equal(last.code, 500);
  const closing = await dialogue.read();
  assert.equal(closing?.text, '421 4.7.0 Too many errors on this connection, closing transmission channel');
  assert.ok(await dialogue.waitClosed());
  await healthy();
});

test('an over-long line gets 500 5.5.2 and is not buffered; the session goes on', async () => {
  const dialogue = await SmtpDialogue.open(port);
  await dialogue.read();
  dialogue.write(Buffer.alloc(64 * 1024, 'A'));
  const reply = await dialogue.send('');
  assert.equal(reply.text, '500 5.5.2 Line too long');
  assert.equal((await dialogue.send('EHLO still.fabrikam.com')).code, 250);
  dialogue.close();
});

test('STARTTLS injection: commands pipelined after STARTTLS are discarded, not run inside TLS', async () => {
  const dialogue = await SmtpDialogue.open(port);
  await dialogue.read();
  await dialogue.send('EHLO evil.fabrikam.com');
  dialogue.write('STARTTLS\r\nMAIL FROM:<evil@fabrikam.com>\r\nRCPT TO:<victim@contoso.com>\r\n');
  assert.equal((await dialogue.read())?.text, '220 2.0.0 SMTP server ready');
  await dialogue.startTls();
  const ehlo = await dialogue.send('EHLO evil.fabrikam.com');
  assert.equal(ehlo.code, 250, 'the first reply inside TLS answers our EHLO, not the injected MAIL');
  assert.equal((await dialogue.send('RCPT TO:<victim@contoso.com>')).text, '503 5.5.2 Need mail command', 'the injected MAIL FROM never ran');
  dialogue.close();
  service.flushLogs();
  const directory = protocolLogDirectory(state.path, 'Receive');
  const log = readdirSync(directory).map((name) => readFileSync(`${directory}/${name}`, 'utf8')).join('');
  assert.match(log, /Discarded 61 bytes received after STARTTLS before the TLS handshake/);
  assert.doesNotMatch(log, /<,MAIL FROM:<evil@fabrikam\.com>/);
});

test('a TLS handshake that never finishes is cut off by the timeout', async () => {
  const dialogue = await SmtpDialogue.open(port);
  await dialogue.read();
  await dialogue.send('EHLO slow.fabrikam.com');
  assert.equal((await dialogue.send('STARTTLS')).code, 220);
  dialogue.write(Buffer.from([0x16, 0x03, 0x01])); // the first bytes of a ClientHello, then silence
  const started = Date.now();
  assert.ok(await dialogue.waitClosed(5000), 'closed by the server');
  assert.ok(Date.now() - started < 4000);
  dialogue.close();
  await healthy();
});

test('an idle session is closed after the inactivity timeout with 421 4.4.1, a busy one after the session limit', async () => {
  const idle = await SmtpDialogue.open(port);
  await idle.read();
  assert.equal((await idle.read(3000))?.text, '421 4.4.1 Connection timed out');
  assert.ok(await idle.waitClosed());
  const chatty = await SmtpDialogue.open(port);
  await chatty.read();
  const started = Date.now();
  let reply;
  do {
    reply = await chatty.send('NOOP', 3000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
  } while (reply?.code === 250 && Date.now() - started < 8000);
  assert.ok(Date.now() - started < 7000, 'the whole-session limit applies even to an active client');
  chatty.close();
});

/** A second service with patient timeouts, for the slow tests. */
async function patientService(): Promise<{ service: TransportService; port: number; stop: () => Promise<void> }> {
  const patientState = temporaryStateDir('hostile-patient');
  const settings = contosoSettings({ stateDir: patientState.path, certificates, registry: new LabRegistry() });
  const patient = await startTransportService({ ...settings, receiveConnectors: [inetReceiveConnector('mail.contoso.com', { maxMessageSize: 1024 * 1024 })] });
  return {
    service: patient,
    port: patient.listeners[0]!.port,
    stop: async () => {
      await patient.stop();
      patientState.remove();
    },
  };
}

test('thousands of idle connections from one source: only MaxInboundConnectionPerSource get in, others are served', async () => {
  const patient = await patientService();
  const sockets: Socket[] = [];
  const banners = { accepted: 0, refused: 0 };
  const total = 1500;
  for (let index = 0; index < total; index++) {
    const socket = connect({ port: patient.port, host: '127.0.0.1' });
    socket.setEncoding('latin1');
    socket.once('data', (chunk: string) => {
      if (chunk.startsWith('220 ')) banners.accepted += 1;
      else if (chunk.startsWith('421 4.3.2 The maximum number of concurrent connections has exceeded a limit')) banners.refused += 1;
    });
    socket.on('error', () => undefined);
    sockets.push(socket);
  }
  try {
    await waitFor(() => banners.accepted + banners.refused >= total, 15_000, 'every connection answered');
    assert.equal(banners.accepted, 20);
    assert.equal(banners.refused, total - 20);
    await healthy('127.0.0.3', patient.port);
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  await waitFor(async () => {
    try {
      await healthy('127.0.0.1', patient.port);
      return true;
    } catch {
      return false;
    }
  }, 5000, 'slots freed once the idle clients left');
  await patient.stop();
});

test('binary garbage and abrupt resets do not take the server down', async () => {
  for (let round = 0; round < 20; round++) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(randomBytes(4096));
    if (round % 2 === 0) socket.write('EHLO x\r\nMAIL FROM:<a@fabrikam.com>\r\nRCPT TO:<b@contoso.com>\r\nDATA\r\npartial body');
    socket.destroy();
  }
  await healthy();
});

test('a 150 MB message to a 1 MB connector is refused with 552 without being buffered', async () => {
  const patient = await patientService();
  const dialogue = await SmtpDialogue.open(patient.port);
  await dialogue.read();
  await dialogue.send('EHLO big.fabrikam.com');
  await dialogue.send('MAIL FROM:<big@fabrikam.com>');
  await dialogue.send('RCPT TO:<carol@contoso.com>');
  assert.equal((await dialogue.send('DATA')).code, 354);
  const before = process.memoryUsage().rss;
  const line = Buffer.from(`${'x'.repeat(998)}\r\n`);
  const chunk = Buffer.concat(Array.from({ length: 1000 }, () => line));
  for (let index = 0; index < 150; index++) await dialogue.writeWithBackpressure(chunk);
  const reply = await dialogue.send('.', 30_000);
  assert.equal(reply.text, '552 5.3.4 Message size exceeds fixed maximum message size');
  const grown = process.memoryUsage().rss - before;
  // Buffering the body would grow RSS by at least its 150 MB; streaming churn stays well below.
  assert.ok(grown < 100 * 1024 * 1024, `RSS grew by ${Math.round(grown / 1024 / 1024)} MB`);
  assert.equal((await dialogue.send('RSET')).code, 250);
  dialogue.close();
  await patient.stop();
});
