// Real SMTP clients against the receive connector: swaks and `openssl s_client -starttls smtp`
// (Debian packages). Domain security must hold against them exactly as in the walkthrough.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { protocolLogDirectory } from '../../src/transport/protocol-log.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import { labCertificates, type CertificateFiles } from './helpers/certificates.ts';
import { parseProtocolLog, type LogRow } from './helpers/csv.ts';
import { contosoSettings, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';
import { runProgram } from './helpers/processes.ts';

const certificates = labCertificates();
const state = temporaryStateDir('peers');
let service: TransportService;
let port: number;

before(async () => {
  service = await startTransportService(contosoSettings({ stateDir: state.path, certificates, registry: new LabRegistry() }));
  port = service.listeners[0]!.port;
});

after(async () => {
  await service.stop();
  state.remove();
});

function swaks(from: string, to: string, options: { tls?: boolean; certificate?: CertificateFiles; subject?: string } = {}) {
  return runProgram('swaks', [
    '--server', `127.0.0.1:${port}`,
    '--from', from,
    '--to', to,
    '--ehlo', `mail.${from.split('@')[1]}`,
    '--header', `Subject: ${options.subject ?? 'swaks test'}`,
    '--timeout', '15',
    ...(options.tls ? ['-tls'] : []),
    ...(options.certificate ? ['--tls-cert', options.certificate.certPath, '--tls-key', options.certificate.keyPath] : []),
  ]);
}

function receiveLogRows(): LogRow[] {
  service.flushLogs();
  const directory = protocolLogDirectory(state.path, 'Receive');
  return readdirSync(directory).flatMap((name) => parseProtocolLog(readFileSync(`${directory}/${name}`, 'utf8')));
}

function newestMessage(address: string) {
  const entries = service.listMailbox(address);
  return entries.length === 0 ? undefined : service.readMessage(entries[entries.length - 1]!.path);
}

test('swaks: plain mail from a domain not on the list is accepted (opportunistic, no TLS)', async () => {
  const result = await swaks('ann@fabrikam.com', 'bob@contoso.com', { subject: 'plain from fabrikam' });
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /<- {2}250 2\.6\.0 <[^>]+> Queued mail for delivery/);
  const message = newestMessage('bob@contoso.com');
  assert.equal(message?.subject, 'plain from fabrikam');
  assert.equal(message?.domainSecured, false);
});

test('swaks: a sender on the list without a client certificate is refused with 530 5.7.1', async () => {
  const plain = await swaks('ann@woodgrovebank.com', 'bob@contoso.com');
  assert.notEqual(plain.code, 0);
  assert.match(plain.stdout, /<\*\* 530 5\.7\.1 Not authenticated/);
  const tlsOnly = await swaks('ann@woodgrovebank.com', 'bob@contoso.com', { tls: true });
  assert.match(tlsOnly.stdout, /TLS started/);
  assert.match(tlsOnly.stdout, /530 5\.7\.1 Not authenticated/);
});

test('swaks: wrong-name, expired, untrusted and revoked client certificates are refused with 454 4.7.5', async () => {
  for (const certificate of [certificates.woodgroveWrongName, certificates.woodgroveExpired, certificates.woodgroveUntrusted, certificates.woodgroveRevoked]) {
    const result = await swaks('ann@woodgrovebank.com', 'bob@contoso.com', { tls: true, certificate });
    assert.notEqual(result.code, 0, certificate.certPath);
    assert.match(result.stdout, /TLS local DN=/, `${certificate.certPath} was presented`);
    assert.match(result.stdout, /454 4\.7\.5 Certificate validation failure/, certificate.certPath);
  }
  const statuses = receiveLogRows().filter((row) => row.context.startsWith('Client certificate chain validation status'));
  for (const status of ['NameMismatch', 'DateInvalid', 'Untrusted', 'Revoked']) {
    assert.ok(statuses.some((row) => row.context.includes(`'${status}'`)), `log shows ${status}`);
  }
});

test('swaks: the right certificate is accepted and the delivered message is Domain Secured', async () => {
  const before = service.getCounters().find((sample) => sample.counterName === 'Domain Secure Messages Received')!.value;
  const result = await swaks('ann@woodgrovebank.com', 'bob@contoso.com', { tls: true, certificate: certificates.woodgrove, subject: 'secured by swaks' });
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /~> EHLO mail\.woodgrovebank\.com/);
  const message = newestMessage('bob@contoso.com');
  assert.equal(message?.subject, 'secured by swaks');
  assert.equal(message?.domainSecured, true);
  assert.equal(message?.authDomain, 'woodgrovebank.com');
  const after = service.getCounters().find((sample) => sample.counterName === 'Domain Secure Messages Received')!.value;
  assert.equal(after, before + 1);

  // The receive log of that session: STARTTLS, both certificates, the second EHLO without STARTTLS.
  const rows = receiveLogRows();
  const secured = rows.filter((row) => row.data === 'MAIL FROM:<ann@woodgrovebank.com>').map((row) => row.sessionId);
  const session = rows.filter((row) => row.sessionId === secured[secured.length - 1]);
  const events = session.map((row) => [row.event, row.data, row.context].filter((part) => part !== '').join(' '));
  const at = (text: string): number => events.findIndex((entry) => entry.startsWith(text));
  assert.ok(at('< STARTTLS') > 0);
  assert.ok(at('> 220 2.0.0 SMTP server ready') > at('< STARTTLS'));
  assert.ok(at('* Sending certificate') > at('> 220 2.0.0 SMTP server ready'));
  assert.ok(events.includes('* CN=mail.contoso.com, O=Contoso, C=US Certificate subject'));
  assert.ok(at('* Received certificate') > at('* Sending certificate'));
  assert.ok(events.includes('* CN=mail.woodgrovebank.com, O=Woodgrove Bank, C=US Certificate subject'));
  assert.ok(events.includes('* mail.woodgrovebank.com;woodgrovebank.com Certificate alternate names'));
  const ehlos = events.map((entry, index) => (entry === '< EHLO mail.woodgrovebank.com' ? index : -1)).filter((index) => index >= 0);
  assert.equal(ehlos.length, 2, 'two EHLOs');
  const secondCapabilities = events.slice(ehlos[1], at('< MAIL FROM'));
  assert.ok(secondCapabilities.includes('> 250 CHUNKING') && !secondCapabilities.includes('> 250-STARTTLS'));
  assert.ok(events.slice(0, ehlos[1]).includes('> 250-STARTTLS'));
  assert.ok(events.some((entry) => /^\* [0-9A-F]{16};.*;1 receiving message$/.test(entry)));
  assert.equal(session[0]!.event, '+');
  assert.equal(session[session.length - 1]!.event, '-');
  assert.deepEqual(session.map((row) => row.sequenceNumber), session.map((_, index) => index));
});

test('openssl s_client -starttls smtp: verifies our certificate, presents the partner certificate, mail is domain secured', async () => {
  const script = 'EHLO mail.woodgrovebank.com\nMAIL FROM:<treasury@woodgrovebank.com>\nRCPT TO:<bob@contoso.com>\nDATA\nSubject: via s_client\n\nwire transfer\n.\nQUIT\n';
  const result = await runProgram('openssl', [
    's_client', '-starttls', 'smtp', '-connect', `127.0.0.1:${port}`, '-name', 'mail.woodgrovebank.com',
    '-CAfile', certificates.caPath, '-verify_hostname', 'mail.contoso.com', '-verify_return_error',
    '-cert', certificates.woodgrove.certPath, '-key', certificates.woodgrove.keyPath,
    '-crlf', '-ign_eof', '-quiet',
  ], { input: script });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /verify return:1/);
  assert.match(result.stdout, /250 2\.1\.0 treasury@woodgrovebank\.com Sender OK/);
  assert.match(result.stdout, /250 2\.6\.0 <[^>]+> Queued mail for delivery/);
  const message = newestMessage('bob@contoso.com');
  assert.equal(message?.subject, 'via s_client');
  assert.equal(message?.domainSecured, true);
});

test('openssl s_client with an untrusted certificate gets 454 4.7.5 and nothing is delivered', async () => {
  const count = service.listMailbox('bob@contoso.com').length;
  const result = await runProgram('openssl', [
    's_client', '-starttls', 'smtp', '-connect', `127.0.0.1:${port}`,
    '-cert', certificates.woodgroveUntrusted.certPath, '-key', certificates.woodgroveUntrusted.keyPath, '-crlf', '-ign_eof', '-quiet',
  ], { input: 'EHLO mail.woodgrovebank.com\nMAIL FROM:<treasury@woodgrovebank.com>\nRCPT TO:<bob@contoso.com>\nQUIT\n' });
  assert.match(result.stdout, /454 4\.7\.5 Certificate validation failure/);
  assert.match(result.stdout, /503 5\.5\.2 Need mail command/);
  assert.equal(service.listMailbox('bob@contoso.com').length, count);
});
