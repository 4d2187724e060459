// The standalone Send-MailMessage client against our own receive connector.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createNodePeerValidator } from '../../src/transport/node-peer-validator.ts';
import { sendMail, SendMailError } from '../../src/transport/send-mail.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import { labCertificates } from './helpers/certificates.ts';
import { contosoSettings, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';

const certificates = labCertificates();
const state = temporaryStateDir('sendmail');
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

test('sendMail() delivers plain text with a UTF-8 subject', async () => {
  const result = await sendMail({ smtpServer: '127.0.0.1', port, from: 'lee@fabrikam.com', to: ['kim@contoso.com'], subject: 'Grüße aus Fabrikam', body: 'line one\nline two\n.dot line' });
  assert.match(result.response, /^250 2\.6\.0 <[^>]+> Queued mail for delivery$/);
  const [entry] = service.listMailbox('kim@contoso.com');
  const message = service.readMessage(entry!.path);
  assert.equal(message.body, 'line one\r\nline two\r\n.dot line\r\n');
  assert.match(message.headers.find((field) => field.name === 'Subject')!.value, /^=\?utf-8\?B\?/);
  assert.equal(message.subject, 'Grüße aus Fabrikam');
});

test('sendMail() with -UseSsl, a verified server certificate and a client certificate arrives Domain Secured', async () => {
  await sendMail({
    smtpServer: '127.0.0.1',
    port,
    serverName: 'contoso.com',
    useSsl: true,
    validateServer: createNodePeerValidator({ trustedCaPems: [certificates.caPem] }),
    clientCertificate: certificates.woodgrove,
    from: 'ann@woodgrovebank.com',
    to: ['kim@contoso.com'],
    subject: 'secured submission',
    body: 'x',
  });
  const message = service.listMailbox('kim@contoso.com').map((entry) => service.readMessage(entry.path)).find((item) => item.subject === 'secured submission');
  assert.equal(message?.domainSecured, true);
});

test('sendMail() reports the server refusal and a certificate mismatch as SendMailError', async () => {
  await assert.rejects(
    sendMail({ smtpServer: '127.0.0.1', port, from: 'ann@woodgrovebank.com', to: ['kim@contoso.com'], subject: 'x', body: 'x' }),
    (error: unknown) => error instanceof SendMailError && error.response === '530 5.7.1 Not authenticated',
  );
  await assert.rejects(
    sendMail({ smtpServer: '127.0.0.1', port, serverName: 'woodgrovebank.com', useSsl: true, validateServer: createNodePeerValidator({ trustedCaPems: [certificates.caPem] }), from: 'a@fabrikam.com', to: ['kim@contoso.com'], subject: 'x', body: 'x' }),
    /NameMismatch/,
  );
});
