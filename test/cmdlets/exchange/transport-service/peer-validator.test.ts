// The peer validator built from the store (config-from-store.ts): Exchange's name rule first, then
// src/pki's chain, dates and revocation against the server's trusted roots and CRLs, read per call.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exchangeState } from '../../../../cmdlets/exchange/exchange-state.ts';
import { createCrl, createRootCa, revoke, type LabCa } from '../../../../src/pki/lab-ca.ts';
import { issueCertificate } from '../../../../src/pki/lab-ca-issue.ts';
import { parseCertificate } from '../../../../src/pki/certificate-info.ts';
import { SERVICES } from '../../../../src/store/certificate-records.ts';
import { CertificateStore } from '../../../../src/store/certificate-store.ts';
import { storePeerValidator } from '../../../../src/transport/config-from-store.ts';
import { smtpCertificateFor } from '../../../../src/transport/store-certificate.ts';
import { createShell, type Shell } from '../../../helpers/run.ts';

function der(pem: string): Buffer {
  return parseCertificate(pem).der;
}

describe('storePeerValidator', () => {
  let shell: Shell;
  let ca: LabCa;
  let store: CertificateStore;

  before(async () => {
    shell = createShell();
    const setup = await shell.run('Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null');
    assert.equal(setup.err, '');
    ca = await createRootCa({ subject: 'CN=Partner Root' });
    store = new CertificateStore(exchangeState(shell.session), 'mail1');
  });

  after(async () => {
    await shell.dispose();
  });

  it('checks the name first, then trust, dates and revocation', async () => {
    const validate = storePeerValidator(exchangeState(shell.session), 'mail1');
    const good = await issueCertificate(ca, { subject: 'CN=mail.woodgrovebank.com', domainNames: ['mail.woodgrovebank.com'] });
    assert.equal((await validate([der(good.certificatePem)], 'woodgrovebank.com')).status, 'Untrusted', 'the partner root is not trusted yet');
    store.addTrustedRoot(ca.certificatePem);
    assert.deepEqual((await validate([der(good.certificatePem)], 'woodgrovebank.com')).ok, true);
    assert.equal((await validate([der(good.certificatePem)], 'woodgrovebank.com.evil.com')).status, 'NameMismatch');
    assert.equal((await validate([der(good.certificatePem)], 'fabrikam.com')).status, 'NameMismatch');
    const deep = await issueCertificate(ca, { subject: 'CN=a.b.woodgrovebank.com', domainNames: ['a.b.woodgrovebank.com'] });
    assert.equal((await validate([der(deep.certificatePem)], 'woodgrovebank.com')).status, 'NameMismatch', 'only one label above the domain');
    const expired = await issueCertificate(ca, {
      subject: 'CN=mail.woodgrovebank.com',
      domainNames: ['mail.woodgrovebank.com'],
      notBefore: new Date(Date.now() - 10 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    assert.equal((await validate([der(expired.certificatePem)], 'woodgrovebank.com')).status, 'DateInvalid');
    const crl = createCrl(revoke(ca, good.serialNumber));
    store.importCrl({ issuer: parseCertificate(ca.certificatePem).subject, crlPem: crl.crlPem });
    assert.equal((await validate([der(good.certificatePem)], 'woodgrovebank.com')).status, 'Revoked');
    assert.equal((await validate([], 'woodgrovebank.com')).status, 'EmptyCertificate');
  });

  it('smtpCertificateFor: enabled for SMTP, with a key, naming the FQDN; else the default SMTP certificate', async () => {
    const state = exchangeState(shell.session);
    assert.equal(smtpCertificateFor(state, 'mail1', 'mail1.contoso.com'), undefined);
    const issued = await issueCertificate(ca, { subject: 'CN=mail1.contoso.com', domainNames: ['mail1.contoso.com', 'mail.contoso.com'] });
    const keyId = state.keys.saveKey(issued.privateKeyPem, { exportable: false });
    const { certificate } = store.importCertificate({ certificatePem: issued.certificatePem, chainPems: issued.chainPems, keyId, certificateDomains: ['mail1.contoso.com', 'mail.contoso.com'] });
    assert.equal(smtpCertificateFor(state, 'mail1', 'mail1.contoso.com'), undefined, 'not enabled for SMTP yet');
    store.enableServices(certificate.thumbprint, SERVICES.SMTP);
    const chosen = smtpCertificateFor(state, 'mail1', 'mail.contoso.com')!;
    assert.equal(chosen.certPem.trim(), issued.certificatePem.trim());
    assert.match(chosen.keyPem, /PRIVATE KEY/);
    assert.deepEqual(chosen.chainPems, [], 'the self-signed root is not sent');
    assert.equal(smtpCertificateFor(state, 'mail1', 'other.fabrikam.com')?.certPem, chosen.certPem, 'falls back to the default SMTP certificate');
  });
});
