// The receive connector as a scripted client sees it: Exchange's banner, EHLO capabilities and
// replies, the domain-secure decision at MAIL FROM in every branch, limits and local delivery.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { protocolLogDirectory } from '../../src/transport/protocol-log.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import type { TransportSettings } from '../../src/transport/transport-settings.ts';
import { labCertificates } from './helpers/certificates.ts';
import { contosoSettings, inetReceiveConnector, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';
import { SmtpDialogue } from './helpers/smtp-dialogue.ts';

const certificates = labCertificates();
const state = temporaryStateDir('receive');
let settings: TransportSettings;
let service: TransportService;
let port: number;

before(async () => {
  settings = contosoSettings({ stateDir: state.path, certificates, registry: new LabRegistry() });
  settings = { ...settings, receiveConnectors: [inetReceiveConnector('mail.contoso.com', { maxMessageSize: 2000 })] };
  service = await startTransportService(settings);
  port = service.listeners[0]!.port;
});

after(async () => {
  await service.stop();
  state.remove();
});

async function greeted(targetPort = port): Promise<SmtpDialogue> {
  const dialogue = await SmtpDialogue.open(targetPort);
  const banner = await dialogue.read();
  assert.equal(banner?.code, 220);
  return dialogue;
}

test('the banner and EHLO reply have Exchange 2007 form, STARTTLS offered once', async () => {
  const dialogue = await SmtpDialogue.open(port);
  try {
    const banner = await dialogue.read();
    assert.match(banner!.text, /^220 mail\.contoso\.com Microsoft ESMTP MAIL Service ready at \w{3}, \d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
    const ehlo = await dialogue.send('EHLO mail.fabrikam.com');
    assert.deepEqual(ehlo.lines, ['mail.contoso.com Hello [127.0.0.1]', 'SIZE 2000', 'PIPELINING', 'DSN', 'ENHANCEDSTATUSCODES', 'STARTTLS', '8BITMIME', 'BINARYMIME', 'CHUNKING']);
    assert.equal((await dialogue.send('STARTTLS')).text, '220 2.0.0 SMTP server ready');
    await dialogue.startTls();
    const second = await dialogue.send('EHLO mail.fabrikam.com');
    assert.equal(second.code, 250);
    assert.ok(!second.lines.includes('STARTTLS'), 'no STARTTLS after TLS');
    assert.equal((await dialogue.send('STARTTLS')).code, 503);
  } finally {
    dialogue.close();
  }
});

test('HELO, NOOP, VRFY, RSET, HELP, unknown commands and QUIT', async () => {
  const dialogue = await greeted();
  try {
    assert.equal((await dialogue.send('HELO mail.fabrikam.com')).text, '250 mail.contoso.com Hello [127.0.0.1]');
    assert.equal((await dialogue.send('NOOP')).text, '250 2.0.0 OK');
    assert.equal((await dialogue.send('VRFY bob')).text, '252 2.1.5 Cannot VRFY user');
    assert.equal((await dialogue.send('RSET')).text, '250 2.0.0 Resetting');
    assert.equal((await dialogue.send('HELP')).code, 214);
    assert.equal((await dialogue.send('XYZZY')).text, '500 5.3.3 Unrecognized command');
    assert.equal((await dialogue.send('EHLO')).code, 501);
    assert.equal((await dialogue.send('QUIT')).text, '221 2.0.0 Service closing transmission channel');
    assert.ok(await dialogue.waitClosed());
  } finally {
    dialogue.close();
  }
});

test('bad command sequences get 503 replies', async () => {
  const dialogue = await greeted();
  try {
    assert.equal((await dialogue.send('MAIL FROM:<a@fabrikam.com>')).text, '503 5.5.2 Send hello first');
    await dialogue.send('EHLO x.fabrikam.com');
    assert.equal((await dialogue.send('RCPT TO:<bob@contoso.com>')).text, '503 5.5.2 Need mail command');
    assert.equal((await dialogue.send('DATA')).text, '503 5.5.2 Need mail command');
    assert.equal((await dialogue.send('MAIL FROM:<a@fabrikam.com>')).code, 250);
    assert.equal((await dialogue.send('MAIL FROM:<a@fabrikam.com>')).text, '503 5.5.2 Sender already specified');
    assert.equal((await dialogue.send('DATA')).text, '503 5.5.2 Need rcpt command');
  } finally {
    dialogue.close();
  }
});

test('anonymous mail for an accepted domain is delivered, with dot-stuffing undone; relaying is refused', async () => {
  const dialogue = await greeted();
  try {
    await dialogue.send('EHLO mail.fabrikam.com');
    assert.equal((await dialogue.send('MAIL FROM:<ann@fabrikam.com>')).text, '250 2.1.0 ann@fabrikam.com Sender OK');
    assert.equal((await dialogue.send('RCPT TO:<someone@woodgrovebank.com>')).text, '550 5.7.1 Unable to relay');
    assert.equal((await dialogue.send('RCPT TO:<carol@contoso.com>')).text, '250 2.1.5 carol@contoso.com Recipient OK');
    assert.equal((await dialogue.send('DATA')).text, '354 Start mail input; end with <CRLF>.<CRLF>');
    const final = await dialogue.send('Subject: stuffing\r\n\r\n..leading dot\r\nend\r\n.');
    assert.match(final.text, /^250 2\.6\.0 <[^>]+> Queued mail for delivery$/);
    const [entry] = service.listMailbox('carol@contoso.com');
    assert.ok(entry, 'delivered to the mailbox folder');
    assert.match(entry.path, /mailbox\/contoso\.com\/carol\/[^/]+\.eml$/);
    const message = service.readMessage(entry.path);
    assert.equal(message.subject, 'stuffing');
    assert.equal(message.body, '.leading dot\r\nend\r\n');
    assert.equal(message.domainSecured, false);
  } finally {
    dialogue.close();
  }
});

test('SIZE= above the limit and an actually oversized message both get 552 5.3.4', async () => {
  const dialogue = await greeted();
  try {
    await dialogue.send('EHLO mail.fabrikam.com');
    assert.equal((await dialogue.send('MAIL FROM:<ann@fabrikam.com> SIZE=999999')).text, '552 5.3.4 Message size exceeds fixed maximum message size');
    await dialogue.send('MAIL FROM:<ann@fabrikam.com> SIZE=100');
    await dialogue.send('RCPT TO:<carol@contoso.com>');
    await dialogue.send('DATA');
    const final = await dialogue.send(`Subject: big\r\n\r\n${'0123456789'.repeat(500)}\r\n.`);
    assert.equal(final.text, '552 5.3.4 Message size exceeds fixed maximum message size');
    assert.equal((await dialogue.send('NOOP')).code, 250, 'the session goes on');
  } finally {
    dialogue.close();
  }
});

test('BDAT chunks are accepted (CHUNKING)', async () => {
  const dialogue = await greeted();
  try {
    await dialogue.send('EHLO mail.fabrikam.com');
    await dialogue.send('MAIL FROM:<ann@fabrikam.com> BODY=BINARYMIME');
    await dialogue.send('RCPT TO:<dave@contoso.com>');
    const first = 'Subject: chunked\r\n\r\n';
    assert.equal((await dialogue.send(`BDAT ${first.length}\r\n${first}`.replace(/\r\n$/, ''))).code, 250);
    const last = '.no unstuffing in BDAT\r\n';
    const reply = await dialogue.send(`BDAT ${last.length} LAST\r\n${last}`.replace(/\r\n$/, ''));
    assert.match(reply.text, /Queued mail for delivery/);
    const [entry] = service.listMailbox('dave@contoso.com');
    assert.equal(service.readMessage(entry!.path).body, '.no unstuffing in BDAT\r\n');
  } finally {
    dialogue.close();
  }
});

test('a sender on TLSReceiveDomainSecureList without TLS gets 530 5.7.1 Not authenticated', async () => {
  const dialogue = await greeted();
  try {
    await dialogue.send('EHLO mail.woodgrovebank.com');
    assert.equal((await dialogue.send('MAIL FROM:<ann@WoodgroveBank.com>')).text, '530 5.7.1 Not authenticated');
  } finally {
    dialogue.close();
  }
});

test('over TLS: no client certificate → 530, wrong certificate → 454 4.7.5, right one → Partner', async () => {
  const attempts: Array<[string, { keyPem?: string; certPem?: string }, string]> = [
    ['none', {}, '530 5.7.1 Not authenticated'],
    ['wrong name', certificates.woodgroveWrongName, '454 4.7.5 Certificate validation failure'],
    ['expired', certificates.woodgroveExpired, '454 4.7.5 Certificate validation failure'],
    ['untrusted', certificates.woodgroveUntrusted, '454 4.7.5 Certificate validation failure'],
    ['revoked', certificates.woodgroveRevoked, '454 4.7.5 Certificate validation failure'],
    ['right', certificates.woodgrove, '250 2.1.0 ann@woodgrovebank.com Sender OK'],
  ];
  for (const [label, certificate, expected] of attempts) {
    const dialogue = await greeted();
    try {
      await dialogue.send('EHLO mail.woodgrovebank.com');
      await dialogue.send('STARTTLS');
      await dialogue.startTls(certificate);
      await dialogue.send('EHLO mail.woodgrovebank.com');
      assert.equal((await dialogue.send('MAIL FROM:<ann@woodgrovebank.com>')).text, expected, label);
      // A sender not on the list is unaffected by the missing/bad certificate.
      if (!expected.startsWith('250')) assert.equal((await dialogue.send('MAIL FROM:<x@fabrikam.com>')).code, 250, label);
    } finally {
      dialogue.close();
    }
  }
});

test('no certificate enabled: STARTTLS is not offered and a secure domain gets 454 4.7.0', async () => {
  const state2 = temporaryStateDir('receive-nocert');
  const bare = await startTransportService({ ...settings, stateDir: state2.path, certificate: () => undefined });
  try {
    const dialogue = await greeted(bare.listeners[0]!.port);
    const ehlo = await dialogue.send('EHLO mail.woodgrovebank.com');
    assert.ok(!ehlo.lines.includes('STARTTLS'));
    assert.equal((await dialogue.send('STARTTLS')).text, '454 4.7.0 TLS not available due to temporary reason');
    assert.equal((await dialogue.send('MAIL FROM:<ann@woodgrovebank.com>')).text, '454 4.7.0 Temporary authentication failure');
    dialogue.close();
  } finally {
    await bare.stop();
    state2.remove();
  }
});

test('a connector without DomainSecureEnabled answers a secure domain with 451 4.7.3', async () => {
  const state2 = temporaryStateDir('receive-nods');
  const plain = await startTransportService({ ...settings, stateDir: state2.path, receiveConnectors: [inetReceiveConnector('mail.contoso.com', { domainSecureEnabled: false })] });
  try {
    const dialogue = await greeted(plain.listeners[0]!.port);
    await dialogue.send('EHLO mail.woodgrovebank.com');
    assert.equal((await dialogue.send('MAIL FROM:<ann@woodgrovebank.com>')).text, '451 4.7.3 The admin has temporarily disallowed this secure domain');
    dialogue.close();
  } finally {
    await plain.stop();
    state2.remove();
  }
});

test('RemoteIPRanges: the most specific connector on a shared binding serves the client; no match is refused', async () => {
  const state2 = temporaryStateDir('receive-ranges');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const shared = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const binding = [{ address: '127.0.0.1', port: shared }];
  const service2 = await startTransportService({
    ...settings,
    stateDir: state2.path,
    receiveConnectors: [
      inetReceiveConnector('mail.contoso.com', { name: 'Default', bindings: binding }),
      inetReceiveConnector('loopback.contoso.com', { name: 'Loopback', bindings: binding, remoteIPRanges: ['127.0.0.1'] }),
    ],
  });
  try {
    assert.deepEqual(service2.listeners.map((listener) => [listener.connector, listener.port]), [['Default', shared], ['Loopback', shared]]);
    const dialogue = await SmtpDialogue.open(shared);
    assert.match((await dialogue.read())!.text, /^220 loopback\.contoso\.com /);
    dialogue.close();
    await service2.reload({ ...settings, stateDir: state2.path, receiveConnectors: [inetReceiveConnector('mail.contoso.com', { name: 'Default', bindings: binding, remoteIPRanges: ['10.0.0.0/8'] })] });
    const refused = await SmtpDialogue.open(shared);
    assert.match((await refused.read())!.text, /^421 /);
    refused.close();
  } finally {
    await service2.stop();
    state2.remove();
  }
});

test('relaying: an externally secured connector and an AUTH LOGIN session may relay to the outbound queue', async () => {
  const state2 = temporaryStateDir('receive-relay');
  const relay = await startTransportService({
    ...settings,
    stateDir: state2.path,
    verifyCredentials: (user, password) => user === 'kim' && password === 'P@ssw0rd',
    receiveConnectors: [
      inetReceiveConnector('hub.contoso.com', { name: 'FromHub', authMechanism: { tls: true, externalAuthoritative: true }, domainSecureEnabled: false }),
      inetReceiveConnector('client.contoso.com', { name: 'Client', authMechanism: { tls: true, basicAuth: true }, bindings: [{ address: '127.0.0.1', port: 0 }], remoteIPRanges: ['127.0.0.0/8'] }),
    ],
  });
  try {
    const [hub, client] = relay.listeners;
    const fromHub = await greeted(hub!.port);
    await fromHub.send('EHLO hub.contoso.com');
    await fromHub.send('MAIL FROM:<kim@contoso.com>');
    assert.equal((await fromHub.send('RCPT TO:<ann@woodgrovebank.com>')).code, 250);
    await fromHub.send('DATA');
    assert.equal((await fromHub.send('Subject: relayed\r\n\r\nx\r\n.')).code, 250);
    fromHub.close();
    const [queued] = relay.getMessages({ queue: 'woodgrovebank.com' });
    assert.equal(queued?.subject, 'relayed');

    const user = await greeted(client!.port);
    const ehlo = await user.send('EHLO pc.contoso.com');
    assert.ok(ehlo.lines.includes('AUTH LOGIN PLAIN'));
    await user.send('MAIL FROM:<kim@contoso.com>');
    assert.equal((await user.send('RCPT TO:<ann@woodgrovebank.com>')).text, '550 5.7.1 Unable to relay');
    await user.send('RSET');
    assert.equal((await user.send('AUTH LOGIN')).text, '334 VXNlcm5hbWU6');
    assert.equal((await user.send(Buffer.from('kim').toString('base64'))).text, '334 UGFzc3dvcmQ6');
    assert.equal((await user.send(Buffer.from('wrong').toString('base64'))).text, '535 5.7.3 Authentication unsuccessful');
    assert.equal((await user.send(`AUTH PLAIN ${Buffer.from('\0kim\0P@ssw0rd').toString('base64')}`)).text, '235 2.7.0 Authentication successful');
    await user.send('MAIL FROM:<kim@contoso.com>');
    assert.equal((await user.send('RCPT TO:<ann@woodgrovebank.com>')).code, 250);
    user.close();
  } finally {
    await relay.stop();
    state2.remove();
  }
});

test('ProtocolLoggingLevel None writes no receive log at all', async () => {
  const state2 = temporaryStateDir('receive-nolog');
  const quiet = await startTransportService({ ...settings, stateDir: state2.path, receiveConnectors: [inetReceiveConnector('mail.contoso.com', { protocolLoggingLevel: 'None' })] });
  try {
    const dialogue = await greeted(quiet.listeners[0]!.port);
    await dialogue.send('EHLO mail.fabrikam.com');
    await dialogue.send('QUIT');
    dialogue.close();
    quiet.flushLogs();
    assert.equal(existsSync(protocolLogDirectory(state2.path, 'Receive')), false);
  } finally {
    await quiet.stop();
    state2.remove();
  }
});
