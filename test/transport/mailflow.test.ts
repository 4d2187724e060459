// Step 5 of the walkthrough, for real: Contoso and Woodgrove Bank, two transport services with their
// own state directories on loopback, exchange mail both ways over mutual TLS; when Woodgrove's
// certificate no longer matches, Contoso's mail stays queued with 454 4.7.5 and is never sent in clear.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { protocolLogDirectory } from '../../src/transport/protocol-log.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import type { SmtpCertificate, TransportSettings } from '../../src/transport/transport-settings.ts';
import { labCertificates } from './helpers/certificates.ts';
import { parseProtocolLog, type LogRow } from './helpers/csv.ts';
import { certificateOf, contosoSettings, LabRegistry, temporaryStateDir, woodgroveSettings } from './helpers/organisations.ts';
import { waitFor } from './helpers/wait.ts';

const certificates = labCertificates();
const registry = new LabRegistry();
const contosoState = temporaryStateDir('contoso');
const woodgroveState = temporaryStateDir('woodgrove');
const woodgroveCertificate: { current: SmtpCertificate | undefined } = { current: certificateOf(certificates.woodgrove) };
let contosoConfig: TransportSettings;
let contoso: TransportService;
let woodgrove: TransportService;

const fastRetry = { retry: { intervalMs: 250, expiryMs: 10 * 60_000 } };

before(async () => {
  contosoConfig = contosoSettings({ stateDir: contosoState.path, certificates, registry, overrides: fastRetry });
  contoso = await startTransportService(contosoConfig);
  woodgrove = await startTransportService(woodgroveSettings({ stateDir: woodgroveState.path, certificates, registry, certificate: woodgroveCertificate, overrides: fastRetry }));
  registry.set('contoso.com', { host: '127.0.0.1', port: contoso.listeners[0]!.port });
  registry.set('woodgrovebank.com', { host: '127.0.0.1', port: woodgrove.listeners[0]!.port });
});

after(async () => {
  await contoso.stop();
  await woodgrove.stop();
  contosoState.remove();
  woodgroveState.remove();
});

function counter(service: TransportService, name: string): number {
  return service.getCounters().find((sample) => sample.counterName === name)!.value;
}

function logRows(service: TransportService, stateDir: string, kind: 'Send' | 'Receive'): LogRow[] {
  service.flushLogs();
  const directory = protocolLogDirectory(stateDir, kind);
  let names: string[] = [];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names.flatMap((name) => parseProtocolLog(readFileSync(`${directory}/${name}`, 'utf8')));
}

function sessions(rows: LogRow[]): Map<string, LogRow[]> {
  const grouped = new Map<string, LogRow[]>();
  for (const row of rows) grouped.set(row.sessionId, [...(grouped.get(row.sessionId) ?? []), row]);
  return grouped;
}

async function mailIn(service: TransportService, address: string, subject: string) {
  return waitFor(() => {
    const found = service.listMailbox(address).map((entry) => service.readMessage(entry.path)).find((message) => message.subject === subject);
    return found;
  }, 15_000, `"${subject}" in ${address}`);
}

test('Contoso → Woodgrove Bank: delivered over mutual TLS, Domain Secured, counters move', async () => {
  const sentBefore = counter(contoso, 'Domain Secure Messages Sent');
  const receivedBefore = counter(woodgrove, 'Domain Secure Messages Received');
  await contoso.submitMessage({ from: 'kim@contoso.com', to: ['ann@woodgrovebank.com'], subject: 'Loan agreement', body: 'Please find the agreement.' });
  const message = await mailIn(woodgrove, 'ann@woodgrovebank.com', 'Loan agreement');
  assert.equal(message.domainSecured, true);
  assert.equal(message.authDomain, 'contoso.com');
  assert.match(message.body, /Please find the agreement\./);
  await contoso.idle();
  assert.equal(counter(contoso, 'Domain Secure Messages Sent'), sentBefore + 1);
  assert.equal(counter(woodgrove, 'Domain Secure Messages Received'), receivedBefore + 1);
  assert.deepEqual(contoso.getQueues().map((queue) => queue.nextHopDomain), ['Submission'], 'nothing left queued');

  const send = [...sessions(logRows(contoso, contosoState.path, 'Send')).values()].find((rows) => rows.some((row) => row.context === 'Secure domain certificate'));
  assert.ok(send, 'a send session authenticated the partner');
  const contexts = send.map((row) => row.data || row.context);
  assert.equal(send[0]!.context, 'attempting to connect');
  assert.ok(contexts.indexOf('STARTTLS') < contexts.indexOf('Sending certificate'));
  assert.ok(contexts.includes('CN=mail.woodgrovebank.com, O=Woodgrove Bank, C=US'), 'received certificate logged');
  assert.ok(contexts.indexOf('Secure domain certificate') < contexts.indexOf('MAIL FROM:<kim@contoso.com> SIZE=' + send.find((row) => row.data.startsWith('MAIL FROM'))!.data.split('SIZE=')[1]));
  assert.equal(send.filter((row) => row.data === 'EHLO mail.contoso.com').length, 2);
  assert.ok(send.some((row) => row.context === 'sending message'));
});

test('Woodgrove Bank → Contoso: the other direction is domain secured too', async () => {
  await woodgrove.submitMessage({ from: 'ann@woodgrovebank.com', to: ['kim@contoso.com'], subject: 'Signed copy', body: 'Signed.' });
  const message = await mailIn(contoso, 'kim@contoso.com', 'Signed copy');
  assert.equal(message.domainSecured, true);
  assert.equal(message.authDomain, 'woodgrovebank.com');
  assert.equal(counter(woodgrove, 'Domain Secure Messages Sent') >= 1, true);
  assert.equal(counter(contoso, 'Domain Secure Messages Received') >= 1, true);
});

test('a wrong-name certificate at Woodgrove: mail stays queued with 454 4.7.5, retried, never sent in clear', async () => {
  const failuresBefore = counter(contoso, 'Domain Secure Outbound Session Failures');
  const mailboxBefore = woodgrove.listMailbox('ann@woodgrovebank.com').length;
  woodgroveCertificate.current = certificateOf(certificates.woodgroveWrongName); // no restart: the next connection uses it
  await contoso.submitMessage({ from: 'kim@contoso.com', to: ['ann@woodgrovebank.com'], subject: 'Must not leak', body: 'Confidential.' });
  const queue = await waitFor(() => contoso.getQueues().find((entry) => entry.nextHopDomain === 'woodgrovebank.com' && entry.status === 'Retry' && entry.lastError), 10_000, 'queue in Retry');
  assert.match(queue.lastError!, /454 4\.7\.5 Certificate validation failure/);
  assert.equal(queue.deliveryType, 'DnsConnectorDelivery');
  assert.equal(queue.messageCount, 1);
  assert.match(queue.identity, /^MAIL1\\\d+$/);
  assert.ok(queue.nextRetryTime instanceof Date);
  const [message] = contoso.getMessages({ queue: queue.identity });
  assert.equal(message?.subject, 'Must not leak');
  assert.match(message!.lastError!, /454 4\.7\.5/);
  assert.equal(message!.status, 'Retry');
  assert.equal(message!.identity, `${queue.identity}\\${message!.identity.split('\\')[2]}`);

  await waitFor(() => counter(contoso, 'Domain Secure Outbound Session Failures') >= failuresBefore + 2, 10_000, 'a retry on schedule');
  assert.equal(woodgrove.listMailbox('ann@woodgrovebank.com').length, mailboxBefore, 'nothing delivered');

  // Never in clear: no failed session of Contoso's got as far as MAIL FROM, and every one started TLS.
  const failed = [...sessions(logRows(contoso, contosoState.path, 'Send')).values()].filter((rows) => rows.some((row) => row.context.includes("Message to secure domain 'woodgrovebank.com'")));
  assert.ok(failed.length >= 2);
  for (const rows of failed) {
    assert.ok(rows.some((row) => row.data === 'STARTTLS'));
    assert.ok(!rows.some((row) => row.data.startsWith('MAIL FROM')), 'no MAIL FROM was sent');
    assert.ok(rows.some((row) => row.context === "Chain validation status: 'NameMismatch'"));
  }
  // Woodgrove's receive side never saw a MAIL FROM from Contoso after the swap.
  const woodgroveSaw = logRows(woodgrove, woodgroveState.path, 'Receive').filter((row) => row.data.startsWith('MAIL FROM:<kim@contoso.com>'));
  assert.equal(woodgroveSaw.length, 1, 'only the first, successful session');
});

test('the queued message survives a Contoso restart and goes out once the certificate is fixed', async () => {
  await contoso.stop();
  assert.equal(contoso.status, 'Stopped');
  contoso = await startTransportService(contosoConfig);
  registry.set('contoso.com', { host: '127.0.0.1', port: contoso.listeners[0]!.port });
  const restored = contoso.getMessages({ status: 'Retry' }).concat(contoso.getMessages({ status: 'Ready' }), contoso.getMessages({ status: 'Active' }));
  assert.ok(restored.some((message) => message.subject === 'Must not leak'), 'still queued after restart');

  woodgroveCertificate.current = certificateOf(certificates.woodgrove);
  const queue = contoso.getQueues().find((entry) => entry.nextHopDomain === 'woodgrovebank.com');
  if (queue) contoso.retryQueue(queue.identity);
  const message = await mailIn(woodgrove, 'ann@woodgrovebank.com', 'Must not leak');
  assert.equal(message.domainSecured, true);
  await contoso.idle();
  await waitFor(() => !contoso.getQueues().some((entry) => entry.nextHopDomain === 'woodgrovebank.com'), 5000, 'empty queue');
});

test('reload() applies a new TLSSendDomainSecureList without a restart', async () => {
  // Woodgrove drops contoso.com from its send list: its mail is then opportunistic TLS, not domain secured.
  const reloaded = woodgroveSettings({ stateDir: woodgroveState.path, certificates, registry, certificate: woodgroveCertificate, overrides: { ...fastRetry, tlsSendDomainSecureList: [] } });
  await woodgrove.reload(reloaded);
  await woodgrove.submitMessage({ from: 'ann@woodgrovebank.com', to: ['kim@contoso.com'], subject: 'Opportunistic', body: 'x' });
  const message = await mailIn(contoso, 'kim@contoso.com', 'Opportunistic');
  // Contoso still has woodgrovebank.com on its receive list, and Woodgrove still presents its certificate over TLS.
  assert.equal(message.domainSecured, true);
  const rows = logRows(woodgrove, woodgroveState.path, 'Send');
  const last = [...sessions(rows).values()].pop()!;
  assert.ok(last.some((row) => row.data === 'STARTTLS'));
  assert.ok(!last.some((row) => row.context === 'Secure domain certificate'), 'the server certificate was not required to match');
});
