// The send side against scripted servers: mandatory TLS for domain-secure next hops (never a
// plaintext fallback), opportunistic TLS elsewhere, RequireTLS / IgnoreSTARTTLS, smart hosts, MX
// failover, permanent failures and expiry returning NDRs, and the queue management API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import type { TransportSettings } from '../../src/transport/transport-settings.ts';
import { labCertificates } from './helpers/certificates.ts';
import { startFakeSmtpServer, type FakeSmtpServer } from './helpers/fake-smtp-server.ts';
import { contosoSettings, internetSendConnector, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';
import { delay, waitFor } from './helpers/wait.ts';

const certificates = labCertificates();
const registry = new LabRegistry();
const state = temporaryStateDir('outbound');
const fakes: FakeSmtpServer[] = [];
let base: TransportSettings;
let service: TransportService;

async function fake(policy: Parameters<typeof startFakeSmtpServer>[0] = {}): Promise<FakeSmtpServer> {
  const server = await startFakeSmtpServer(policy);
  fakes.push(server);
  return server;
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

before(async () => {
  base = contosoSettings({ stateDir: state.path, certificates, registry, overrides: { retry: { intervalMs: 200, expiryMs: 10 * 60_000 } } });
  service = await startTransportService(base);
});

after(async () => {
  await service.stop();
  await Promise.all(fakes.map((server) => server.close()));
  state.remove();
});

function queueFor(domain: string) {
  return service.getQueues().find((queue) => queue.nextHopDomain === domain);
}

function ndrsFor(address: string) {
  return service.listMailbox(address).map((entry) => service.readMessage(entry.path)).filter((message) => message.subject?.startsWith('Undeliverable:'));
}

test('a domain-secure next hop that does not offer STARTTLS: 451 5.7.3, queued, nothing sent', async () => {
  const server = await fake();
  registry.set('woodgrovebank.com', { host: '127.0.0.1', port: server.port });
  const failures = service.getCounters().find((sample) => sample.counterName === 'Domain Secure Outbound Session Failures')!.value;
  await service.submitMessage({ from: 'kim@contoso.com', to: ['ann@woodgrovebank.com'], subject: 'secret', body: 'secret' });
  const queue = await waitFor(() => queueFor('woodgrovebank.com')?.lastError ? queueFor('woodgrovebank.com') : undefined, 5000, 'a failed attempt');
  assert.equal(queue.lastError, '451 5.7.3 STARTTLS is required to send mail');
  assert.equal(queue.status, 'Retry');
  await waitFor(() => server.connections >= 2, 5000, 'a retry');
  assert.ok(!server.lines.some((line) => /^(MAIL|RCPT|DATA)/i.test(line)), `never sent: ${server.lines.join(' | ')}`);
  assert.deepEqual(server.messages, []);
  assert.ok(service.getCounters().find((sample) => sample.counterName === 'Domain Secure Outbound Session Failures')!.value >= failures + 2);
  for (const message of service.getMessages({ queue: queue.identity })) await service.removeMessage(message.identity, { withNdr: false });
});

test('a domain-secure next hop whose STARTTLS reply carries injected plaintext: handshake fails, nothing sent', async () => {
  const server = await fake({ ehloKeywords: ['STARTTLS'], startTlsReply: '220 2.0.0 go ahead', injectAfterStartTls: '250 2.1.0 injected\r\n' });
  registry.set('woodgrovebank.com', { host: '127.0.0.1', port: server.port });
  await service.submitMessage({ from: 'kim@contoso.com', to: ['ann@woodgrovebank.com'], subject: 'secret 2', body: 'secret' });
  const queue = await waitFor(() => (server.connections > 0 && queueFor('woodgrovebank.com')?.lastError === '454 4.7.5 Certificate validation failure' ? queueFor('woodgrovebank.com') : undefined), 5000, 'a failed attempt');
  assert.ok(server.lines.includes('STARTTLS'));
  assert.ok(!server.lines.some((line) => /^MAIL/i.test(line)));
  for (const message of service.getMessages({ queue: queue.identity })) await service.removeMessage(message.identity, { withNdr: false });
});

test('a domain not on the list goes out in plaintext when STARTTLS is not offered, without organization headers', async () => {
  const server = await fake();
  registry.set('fabrikam.com', { host: '127.0.0.1', port: server.port });
  await service.submitMessage({ from: 'kim@contoso.com', to: ['lee@fabrikam.com'], subject: 'hello fabrikam', body: 'hi\n.dot line' });
  await waitFor(() => server.messages.length === 1, 5000, 'delivery');
  assert.ok(server.lines.includes('MAIL FROM:<kim@contoso.com> SIZE=' + server.lines.find((line) => line.startsWith('MAIL'))!.split('SIZE=')[1]) || server.lines.some((line) => line === 'MAIL FROM:<kim@contoso.com>'));
  assert.ok(server.lines.includes('RCPT TO:<lee@fabrikam.com>'));
  assert.match(server.messages[0]!, /Subject: hello fabrikam/);
  assert.match(server.messages[0]!, /\n\.\.dot line\n/, 'dot-stuffed on the wire');
  assert.doesNotMatch(server.messages[0]!, /X-MS-Exchange-Organization/i);
  await service.idle();
  assert.equal(queueFor('fabrikam.com'), undefined);
});

test('RequireTLS on the connector: no STARTTLS means 451 5.7.3 even for other domains; IgnoreSTARTTLS never tries', async () => {
  const server = await fake({ ehloKeywords: ['STARTTLS'], startTlsReply: '220 2.0.0 go ahead' });
  const plain = await fake();
  registry.set('tailspintoys.com', { host: '127.0.0.1', port: plain.port });
  registry.set('litware.com', { host: '127.0.0.1', port: server.port });
  await service.reload({
    ...base,
    sendConnectors: [
      internetSendConnector('mail.contoso.com', { name: 'Strict', addressSpaces: [{ domain: 'tailspintoys.com', cost: 1 }], requireTls: true }),
      internetSendConnector('mail.contoso.com', { name: 'NoTls', addressSpaces: [{ domain: 'litware.com', cost: 1 }], ignoreStartTls: true }),
      ...base.sendConnectors,
    ],
  });
  try {
    await service.submitMessage({ from: 'kim@contoso.com', to: ['a@tailspintoys.com'], subject: 'strict', body: 'x' });
    await service.submitMessage({ from: 'kim@contoso.com', to: ['b@litware.com'], subject: 'no tls', body: 'x' });
    const strict = await waitFor(() => queueFor('tailspintoys.com')?.lastError ? queueFor('tailspintoys.com') : undefined, 5000, 'strict failure');
    assert.equal(strict.lastError, '451 5.7.3 STARTTLS is required to send mail');
    assert.equal(plain.messages.length, 0);
    await waitFor(() => server.messages.length === 1, 5000, 'IgnoreSTARTTLS delivery');
    assert.ok(!server.lines.includes('STARTTLS'));
    for (const message of service.getMessages({ queue: strict.identity })) await service.removeMessage(message.identity, { withNdr: false });
  } finally {
    await service.reload(base);
  }
});

test('smart host routing and MX failover to the second host', async () => {
  const relay = await fake();
  const backup = await fake();
  const dead = await closedPort();
  await service.reload({
    ...base,
    sendConnectors: [internetSendConnector('mail.contoso.com', { name: 'ToRelay', addressSpaces: [{ domain: '*.northwind.com', cost: 1 }], dnsRoutingEnabled: false, smartHosts: [{ host: '127.0.0.1', port: relay.port }] }), ...base.sendConnectors],
    resolveNextHop: async (domain) => (domain === 'adventure-works.com' ? [{ host: '127.0.0.1', port: dead }, { host: '127.0.0.1', port: backup.port }] : registry.resolve(domain)),
  });
  try {
    await service.submitMessage({ from: 'kim@contoso.com', to: ['x@sales.northwind.com'], subject: 'via relay', body: 'x' });
    await service.submitMessage({ from: 'kim@contoso.com', to: ['y@adventure-works.com'], subject: 'via backup MX', body: 'x' });
    await waitFor(() => relay.messages.length === 1 && backup.messages.length === 1, 5000, 'both delivered');
    assert.match(relay.messages[0]!, /via relay/);
    assert.match(backup.messages[0]!, /via backup MX/);
  } finally {
    await service.reload(base);
  }
});

test('all MX hosts failing gives the failover LastError', async () => {
  const [first, second] = [await closedPort(), await closedPort()];
  await service.reload({ ...base, resolveNextHop: async (domain) => (domain === 'proseware.com' ? [{ host: '127.0.0.1', port: first }, { host: '127.0.0.1', port: second }] : registry.resolve(domain)) });
  try {
    await service.submitMessage({ from: 'kim@contoso.com', to: ['z@proseware.com'], subject: 'nowhere', body: 'x' });
    const queue = await waitFor(() => queueFor('proseware.com')?.lastError ? queueFor('proseware.com') : undefined, 5000, 'failure');
    assert.equal(queue.lastError, '451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.');
    for (const message of service.getMessages({ queue: queue.identity })) await service.removeMessage(message.identity, { withNdr: false });
  } finally {
    await service.reload(base);
  }
});

test('a permanent RCPT refusal returns an NDR to the local sender at once', async () => {
  const server = await fake({ rcptReply: (line) => (line.includes('nobody@') ? '550 5.1.1 User unknown' : '250 2.1.5 ok') });
  registry.set('wingtiptoys.com', { host: '127.0.0.1', port: server.port });
  await service.submitMessage({ from: 'kim@contoso.com', to: ['nobody@wingtiptoys.com', 'someone@wingtiptoys.com'], subject: 'partly wrong', body: 'x' });
  const [ndr] = await waitFor(() => {
    const found = ndrsFor('kim@contoso.com').filter((message) => message.subject === 'Undeliverable: partly wrong');
    return found.length > 0 ? found : undefined;
  }, 5000, 'the NDR');
  assert.match(ndr!.body, /nobody@wingtiptoys\.com/);
  assert.match(ndr!.body, /#550 5\.1\.1 User unknown ##/);
  assert.doesNotMatch(ndr!.body, /Final-Recipient: rfc822;someone@wingtiptoys\.com/);
  assert.equal(server.messages.length, 1, 'the good recipient still got it');
  await service.idle();
  assert.equal(queueFor('wingtiptoys.com'), undefined);
});

test('an expired message is returned with 550 4.4.7 QUEUE.Expired and leaves the queue', async () => {
  const dead = await closedPort();
  registry.set('margiestravel.com', { host: '127.0.0.1', port: dead });
  await service.reload({ ...base, retry: { intervalMs: 200, expiryMs: 1200 } });
  try {
    await service.submitMessage({ from: 'kim@contoso.com', to: ['m@margiestravel.com'], subject: 'will expire', body: 'x' });
    const queue = await waitFor(() => queueFor('margiestravel.com')?.lastError ? queueFor('margiestravel.com') : undefined, 5000, 'first failure');
    assert.equal(queue.lastError, '421 4.2.1 Unable to connect');
    const [ndr] = await waitFor(() => {
      const found = ndrsFor('kim@contoso.com').filter((message) => message.subject === 'Undeliverable: will expire');
      return found.length > 0 ? found : undefined;
    }, 8000, 'the expiry NDR');
    assert.match(ndr!.body, /550 4\.4\.7 QUEUE\.Expired; message expired/);
    assert.match(ndr!.body, /Last error: 421 4\.2\.1 Unable to connect/);
    assert.equal(service.getMessages({ fromAddress: 'kim@contoso.com' }).filter((message) => message.subject === 'will expire').length, 0);
  } finally {
    await service.reload(base);
  }
});

test('Suspend-Message, Resume-Message, Suspend-Queue, Remove-Message', async () => {
  const server = await fake();
  registry.set('lucernepublishing.com', { host: '127.0.0.1', port: server.port });
  const first = await service.submitMessage({ from: 'kim@contoso.com', to: ['p@lucernepublishing.com'], subject: 'one', body: 'x' });
  assert.equal(first.queued.length, 1);
  await waitFor(() => server.messages.length === 1, 5000, 'first delivery');
  await service.idle();

  // Queue suspended (found by next-hop domain as well as by identity): new mail waits.
  service.suspendQueue('lucernepublishing.com');
  await service.submitMessage({ from: 'kim@contoso.com', to: ['p@lucernepublishing.com'], subject: 'three', body: 'x' });
  await delay(400);
  assert.ok(!server.messages.some((message) => message.includes('Subject: three')), 'not delivered while the queue is suspended');
  const suspendedQueue = queueFor('lucernepublishing.com')!;
  assert.equal(suspendedQueue.status, 'Suspended');
  const [waiting] = service.getMessages({ queue: suspendedQueue.identity }).filter((message) => message.subject === 'three');
  assert.ok(waiting);
  await service.suspendMessage(waiting.identity);
  assert.equal(service.getMessages({ identity: waiting.identity })[0]!.status, 'Suspended');
  service.resumeQueue(suspendedQueue.identity);
  await delay(400);
  assert.ok(!server.messages.some((message) => message.includes('Subject: three')), 'a suspended message stays');
  await service.resumeMessage(waiting.identity);
  await waitFor(() => server.messages.some((message) => message.includes('Subject: three')), 5000, 'delivery after resume');

  // Remove-Message with an NDR.
  service.suspendQueue(suspendedQueue.identity);
  await service.submitMessage({ from: 'kim@contoso.com', to: ['p@lucernepublishing.com'], subject: 'four', body: 'x' });
  const [four] = service.getMessages({ status: 'Ready' }).filter((message) => message.subject === 'four');
  assert.ok(four);
  await service.removeMessage(four.identity);
  assert.equal(service.getMessages({ identity: four.identity }).length, 0);
  assert.ok(ndrsFor('kim@contoso.com').some((message) => message.subject === 'Undeliverable: four'));
  assert.throws(() => service.retryQueue('MAIL1\\9999'), /couldn't be found/);
  service.resumeQueue(suspendedQueue.identity);
});

test('a secure domain routed through a connector without DomainSecureEnabled: 451 4.7.3, nothing sent', async () => {
  const server = await fake({ ehloKeywords: ['STARTTLS'] });
  registry.set('woodgrovebank.com', { host: '127.0.0.1', port: server.port });
  await service.reload({ ...base, sendConnectors: [internetSendConnector('mail.contoso.com', { domainSecureEnabled: false })] });
  try {
    await service.submitMessage({ from: 'kim@contoso.com', to: ['ann@woodgrovebank.com'], subject: 'not enabled', body: 'x' });
    await waitFor(() => server.connections > 0 && queueFor('woodgrovebank.com')?.lastError === '451 4.7.3 The admin has temporarily disallowed this secure domain', 5000, 'the refusal');
    assert.ok(!server.lines.some((line) => /^(STARTTLS|MAIL)/i.test(line)));
    for (const message of service.getMessages({ queue: 'woodgrovebank.com' })) await service.removeMessage(message.identity, { withNdr: false });
  } finally {
    await service.reload(base);
  }
});
