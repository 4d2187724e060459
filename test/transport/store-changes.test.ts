// The service started from the store reads its certificate and trust material once per change of
// the store (store-certificate.ts, store-trust.ts over DocumentStore.readShared), not once per
// session; these tests make the changes from another shell on the same state root, after the
// service started, and check that the very next session sees them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { exchangeState } from '../../cmdlets/exchange/exchange-state.ts';
import { runTransport, type RunningTransport } from '../../cmdlets/exchange/transport-service/transport-runtime.ts';
import { parseCertificate } from '../../src/pki/certificate-info.ts';
import { createRootCa, type LabCa } from '../../src/pki/lab-ca.ts';
import { issueCertificate } from '../../src/pki/lab-ca-issue.ts';
import { SERVICES } from '../../src/store/certificate-records.ts';
import { CertificateStore } from '../../src/store/certificate-store.ts';
import type { EmshState } from '../../src/store/emsh-state.ts';
import { smtpCertificateReader } from '../../src/transport/store-certificate.ts';
import { createShell, type Shell } from '../helpers/run.ts';
import { SmtpDialogue } from './helpers/smtp-dialogue.ts';

/** Imports a new certificate for mail.contoso.com into `state`'s store and makes it the default SMTP one. */
async function enableNewServerCertificate(state: EmshState, ca: LabCa): Promise<string> {
  const issued = await issueCertificate(ca, { subject: 'CN=mail.contoso.com', domainNames: ['mail.contoso.com'] });
  const keyId = state.keys.saveKey(issued.privateKeyPem, { exportable: false });
  const store = new CertificateStore(state, 'mail1');
  const { certificate } = store.importCertificate({ certificatePem: issued.certificatePem, keyId, certificateDomains: ['mail.contoso.com'] });
  store.enableServices(certificate.thumbprint, SERVICES.SMTP, { makeDefaultSmtp: true });
  return certificate.thumbprint;
}

function thumbprintOf(socket: TLSSocket): string {
  return socket.getPeerX509Certificate()!.fingerprint.replace(/:/g, '');
}

describe('a service started from the store sees later store changes at the next session', () => {
  let service: Shell;
  let other: Shell;
  let otherState: EmshState;
  let running: RunningTransport;
  let serverCa: LabCa;
  let partnerCa: LabCa;
  let partner: { keyPem: string; certPem: string };
  let port: number;

  before(async () => {
    service = createShell();
    for (const line of [
      'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      'Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com',
      'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0 -DomainSecureEnabled:$True -AuthMechanism TLS',
    ]) {
      const { err } = await service.run(line);
      assert.equal(err, '', line);
    }
    const state = exchangeState(service.session);
    serverCa = await createRootCa({ subject: 'CN=Contoso Lab Root' });
    partnerCa = await createRootCa({ subject: 'CN=Woodgrove Lab Root' });
    const issued = await issueCertificate(partnerCa, { subject: 'CN=mail.woodgrovebank.com', domainNames: ['mail.woodgrovebank.com'] });
    partner = { keyPem: issued.privateKeyPem, certPem: issued.certificatePem };
    await enableNewServerCertificate(state, serverCa);
    new CertificateStore(state, 'mail1').addTrustedRoot(partnerCa.certificatePem);
    running = await runTransport(state, { durableWrites: false });
    port = running.service.listeners[0]!.port;
    // Another shell on the same state root: its own document store, as another process would have.
    other = createShell({ stateRoot: service.stateRoot });
    otherState = exchangeState(other.session);
    assert.notEqual(otherState.documents, state.documents);
  });

  after(async () => {
    await running?.stop();
    await other?.dispose();
    await service?.dispose();
  });

  /** EHLO, STARTTLS with the partner's certificate, EHLO: the TLS socket and the server's dialogue. */
  async function secureSession(): Promise<{ dialogue: SmtpDialogue; tls: TLSSocket }> {
    const dialogue = await SmtpDialogue.open(port);
    assert.equal((await dialogue.read())?.code, 220);
    assert.equal((await dialogue.send('EHLO mail.woodgrovebank.com')).code, 250);
    assert.equal((await dialogue.send('STARTTLS')).code, 220);
    const tls = await dialogue.startTls(partner);
    assert.equal((await dialogue.send('EHLO mail.woodgrovebank.com')).code, 250);
    return { dialogue, tls };
  }

  it('presents a certificate another shell enabled for SMTP after the start', async () => {
    const first = await secureSession();
    const before = thumbprintOf(first.tls);
    first.dialogue.close();
    const enabled = await enableNewServerCertificate(otherState, serverCa);
    assert.notEqual(enabled, before);
    const next = await secureSession();
    assert.equal(thumbprintOf(next.tls), enabled);
    next.dialogue.close();
  });

  it('refuses a partner at the next MAIL FROM once another shell removed its trusted root', async () => {
    const trusted = await secureSession();
    assert.equal((await trusted.dialogue.send('MAIL FROM:<kim@woodgrovebank.com>')).code, 250);
    trusted.dialogue.close();
    new CertificateStore(otherState, 'mail1').removeTrustedRoot(parseCertificate(partnerCa.certificatePem).thumbprint);
    const untrusted = await secureSession();
    const reply = await untrusted.dialogue.send('MAIL FROM:<kim@woodgrovebank.com>');
    assert.equal(reply.code, 454);
    assert.match(reply.text, /4\.7\.5/);
    untrusted.dialogue.close();
  });

  it('applies a receive connector change made by another shell at the next refresh', async () => {
    const { err } = await other.run("Set-ReceiveConnector Inet -Banner '220 changed.contoso.com ready'");
    assert.equal(err, '');
    assert.equal(await running.refresh(), true);
    const dialogue = await SmtpDialogue.open(port);
    assert.equal((await dialogue.read())?.text, '220 changed.contoso.com ready');
    dialogue.close();
  });

  it('the certificate reader gives the same object while the store is unchanged', async () => {
    const state = exchangeState(service.session);
    const read = smtpCertificateReader(state, 'mail1');
    const first = read('mail.contoso.com');
    assert.ok(first);
    assert.equal(read('mail.contoso.com'), first);
    await enableNewServerCertificate(otherState, serverCa);
    const changed = read('mail.contoso.com');
    assert.notEqual(changed, first);
    assert.notEqual(changed!.certPem, first.certPem);
  });
});
