// Interoperability with a real Postfix 3.7 (a private instance started by the test): our send side
// delivers to Postfix with mutual TLS, and Postfix delivers to our receive connector presenting its
// client certificate; without one, our connector refuses it and Postfix bounces the mail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createNodePeerValidator } from '../../src/transport/node-peer-validator.ts';
import { sendMail } from '../../src/transport/send-mail.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import { labCertificates } from './helpers/certificates.ts';
import { contosoSettings, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';
import { postfixUnavailable, startPostfix, type PostfixInstance } from './helpers/postfix.ts';
import { runProgram } from './helpers/processes.ts';
import { waitFor } from './helpers/wait.ts';

const skip = postfixUnavailable();
const certificates = labCertificates();
const registry = new LabRegistry();
const state = temporaryStateDir('postfix');
let contoso: TransportService;
let postfix: PostfixInstance | undefined;

before(async () => {
  contoso = await startTransportService(contosoSettings({ stateDir: state.path, certificates, registry, overrides: { retry: { intervalMs: 300, expiryMs: 600_000 } } }));
  if (skip) return;
  postfix = await startPostfix({
    hostname: 'mail.woodgrovebank.com',
    localDomain: 'woodgrovebank.com',
    certificate: certificates.woodgrove,
    caPath: certificates.caPath,
    relayDomain: 'contoso.com',
    relayPort: contoso.listeners[0]!.port,
  });
  registry.set('woodgrovebank.com', { host: '127.0.0.1', port: postfix.port });
});

after(async () => {
  await contoso.stop();
  await postfix?.stop();
  state.remove();
});

test('our send side delivers to Postfix over mutual TLS: Postfix verified our client certificate', { skip }, async () => {
  await contoso.submitMessage({ from: 'kim@contoso.com', to: ['ann@woodgrovebank.com'], subject: 'To Postfix', body: 'mutual TLS to a real MTA' });
  const delivered = await waitFor(() => postfix!.deliveredMessages().find((text) => text.includes('Subject: To Postfix')), 20_000, 'Postfix delivery');
  assert.match(delivered, /\(Client CN "mail\.contoso\.com", Issuer "Lab Root CA" \(verified OK\)\)/);
  assert.match(delivered, /using TLSv1\.[23]/);
  assert.doesNotMatch(delivered, /X-MS-Exchange-Organization/i);
  await contoso.idle();
  assert.ok(contoso.getCounters().find((sample) => sample.counterName === 'Domain Secure Messages Sent')!.value >= 1);
});

test('Postfix delivers to our receive connector presenting its client certificate: Domain Secured', { skip }, async () => {
  const injected = await runProgram('swaks', ['--server', `127.0.0.1:${postfix!.port}`, '--from', 'ann@woodgrovebank.com', '--to', 'kim@contoso.com', '--header', 'Subject: From Postfix', '--timeout', '15']);
  assert.equal(injected.code, 0, injected.stdout);
  const entry = await waitFor(() => contoso.listMailbox('kim@contoso.com').map((item) => contoso.readMessage(item.path)).find((message) => message.subject === 'From Postfix'), 20_000, 'delivery from Postfix');
  assert.equal(entry.domainSecured, true);
  assert.equal(entry.authDomain, 'woodgrovebank.com');
  const log = postfix!.maillog();
  assert.match(log, /Verified TLS connection established to 127\.0\.0\.1\[127\.0\.0\.1\]:\d+/, 'Postfix verified our server certificate (secure level)');
  assert.match(log, /status=sent \(250 2\.6\.0 <[^>]+> Queued mail for delivery\)/);
});

test('Postfix without a client certificate is refused with 530 5.7.1 and bounces', { skip }, async () => {
  const plain = await startPostfix({
    hostname: 'mail.woodgrovebank.com',
    localDomain: 'woodgrovebank.com',
    certificate: certificates.woodgrove,
    caPath: certificates.caPath,
    relayDomain: 'contoso.com',
    relayPort: contoso.listeners[0]!.port,
    presentClientCertificate: false,
  });
  try {
    const before = contoso.listMailbox('kim@contoso.com').length;
    const injected = await runProgram('swaks', ['--server', `127.0.0.1:${plain.port}`, '--from', 'ann@woodgrovebank.com', '--to', 'kim@contoso.com', '--header', 'Subject: No certificate', '--timeout', '15']);
    assert.equal(injected.code, 0, injected.stdout);
    await waitFor(() => /said: 530 5\.7\.1 Not authenticated/.test(plain.maillog()), 20_000, 'the refusal in the Postfix log');
    assert.match(plain.maillog(), /status=bounced/);
    assert.equal(contoso.listMailbox('kim@contoso.com').length, before);
  } finally {
    await plain.stop();
  }
});

test('sendMail() (Send-MailMessage) submits to Postfix with -UseSsl and a verified server certificate', { skip }, async () => {
  const result = await sendMail({
    smtpServer: '127.0.0.1',
    port: postfix!.port,
    serverName: 'woodgrovebank.com',
    useSsl: true,
    validateServer: createNodePeerValidator({ trustedCaPems: [certificates.caPem] }),
    from: 'kim@contoso.com',
    to: ['ann@woodgrovebank.com'],
    subject: 'Send-MailMessage to Postfix',
    body: 'x',
  });
  assert.match(result.response, /^250 2\.0\.0 Ok: queued as /);
  await waitFor(() => postfix!.deliveredMessages().some((text) => text.includes('Subject: Send-MailMessage to Postfix')), 20_000, 'Postfix delivery');
});
