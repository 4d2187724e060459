import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseCertificate } from '../../src/pki/certificate-info.ts';
import { createCertificateRequest, parseCertificateRequest } from '../../src/pki/certificate-request.ts';
import { issueCertificate, issueFromRequest } from '../../src/pki/lab-ca-issue.ts';
import { caCertificate, createCrl, createRootCa, createSubordinateCa, type LabCa, revoke } from '../../src/pki/lab-ca.ts';
import { errorWithId } from './helpers/errors.ts';
import { createLabPki, type LabPki } from './helpers/lab-pki.ts';
import { makeTempDir, opensslOk, type TempDir } from './helpers/openssl.ts';

describe('lab CA', () => {
  let temp: TempDir;
  let pki: LabPki;

  before(async () => {
    temp = makeTempDir();
    pki = await createLabPki();
    temp.write('root.pem', pki.root.certificatePem);
    temp.write('issuing.pem', pki.issuing.certificatePem);
  });
  after(() => temp.remove());

  it('makes a root CA: self-signed, cA, keyCertSign and cRLSign, key identifiers', () => {
    const root = caCertificate(pki.root);
    assert.equal(root.isSelfSigned, true);
    assert.deepEqual(root.basicConstraints, { isCa: true });
    assert.deepEqual(root.keyUsage, ['DigitalSignature', 'KeyCertSign', 'CrlSign']);
    assert.equal(root.authorityKeyIdentifier, root.subjectKeyIdentifier);
    assert.equal(root.notAfter.getTime() - root.notBefore.getTime(), 3650 * 86_400_000);
    assert.deepEqual(pki.root.issuerChainPems, []);
  });

  it('makes a subordinate CA with pathLen 0 whose AKI is the root\'s SKI', () => {
    const issuing = caCertificate(pki.issuing);
    assert.deepEqual(issuing.basicConstraints, { isCa: true, pathLength: 0 });
    assert.equal(issuing.authorityKeyIdentifier, caCertificate(pki.root).subjectKeyIdentifier);
    assert.equal(issuing.issuer, 'CN=Fabrikam Root CA, O=Fabrikam Trust, C=US');
    assert.deepEqual(issuing.issuerNameDer, caCertificate(pki.root).subjectNameDer);
    assert.deepEqual(pki.issuing.issuerChainPems, [pki.root.certificatePem]);
    const text = opensslOk(['x509', '-in', temp.path('issuing.pem'), '-noout', '-text']).output;
    assert.match(text, /CA:TRUE, pathlen:0/);
    assert.match(text, /Certificate Sign, CRL Sign/);
  });

  it('issues from a request: its exact subject, its DNS names, both TLS usages', async () => {
    const request = await createCertificateRequest({ subject: 'DC=com,DC=Contoso,CN=mail2.mail.contoso.com', domainNames: ['mail.contoso.com'], keySize: 1024 });
    const issued = issueFromRequest(pki.issuing, request.csrPem, { validityDays: 90 });
    const certificate = issued.certificate;
    assert.deepEqual(certificate.subjectNameDer, parseCertificateRequest(request.csrDer).subjectNameDer);
    const requestSubject = opensslOk(['req', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: request.csrPem }).stdout.trim();
    const certificateSubject = opensslOk(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: issued.certificatePem }).stdout.trim();
    assert.equal(certificateSubject, requestSubject);
    assert.equal(certificate.subject, 'CN=mail2.mail.contoso.com, DC=Contoso, DC=com');
    assert.deepEqual(certificate.dnsNames, ['mail2.mail.contoso.com', 'mail.contoso.com']);
    assert.deepEqual(certificate.enhancedKeyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    assert.equal(certificate.publicKeyFingerprint, request.publicKeyFingerprint);
    assert.equal(certificate.notAfter.getTime() - certificate.notBefore.getTime(), 90 * 86_400_000);
    assert.ok(certificate.notBefore.getTime() < Date.now() - 9 * 60_000, 'backdated for clock skew');
    assert.deepEqual(issued.chainPems, [pki.issuing.certificatePem, pki.root.certificatePem]);
    const verify = opensslOk(['verify', '-CAfile', temp.path('root.pem'), '-untrusted', temp.path('issuing.pem'), '-purpose', 'sslclient', temp.write('issued.pem', issued.certificatePem)]);
    assert.match(verify.output, /issued\.pem: OK/);
  });

  it('refuses a request whose signature does not verify', async () => {
    const request = await createCertificateRequest({ subject: 'CN=x.contoso.com', keySize: 1024 });
    const der = Buffer.from(request.csrDer);
    der[der.length - 2]! ^= 0x01;
    assert.throws(() => issueFromRequest(pki.issuing, der), errorWithId('RequestSignatureInvalid', /"CN=x\.contoso\.com" has an invalid signature/));
  });

  it('uses random positive 16-byte serial numbers', async () => {
    const serials = new Set<string>();
    for (let index = 0; index < 4; index++) {
      const issued = await issueCertificate(pki.issuing, { subject: 'CN=s.contoso.com', privateKeyPem: pki.leaf.privateKeyPem });
      assert.match(issued.serialNumber, /^[0-7][0-9A-F]{31}$/);
      assert.notEqual(issued.serialNumber.slice(0, 2), '00');
      assert.equal(issued.certificate.serialNumber, issued.serialNumber);
      serials.add(issued.serialNumber);
    }
    assert.equal(serials.size, 4);
  });

  it('never issues past its own end date unless told to', async () => {
    const shortRoot = await createRootCa({ subject: 'CN=Short Root', validityDays: 10, keySize: 1024 });
    const capped = await issueCertificate(shortRoot, { subject: 'CN=c.contoso.com', privateKeyPem: pki.leaf.privateKeyPem, validityDays: 365 });
    assert.deepEqual(capped.certificate.notAfter, caCertificate(shortRoot).notAfter);
  });

  it('keeps its state as plain JSON that still works after a round trip', async () => {
    const restored = JSON.parse(JSON.stringify(pki.issuing)) as LabCa;
    assert.deepEqual(restored, pki.issuing);
    const issued = await issueCertificate(restored, { subject: 'CN=json.contoso.com', privateKeyPem: pki.leaf.privateKeyPem });
    assert.equal(issued.certificate.issuer, 'CN=Contoso Issuing CA, DC=Contoso, DC=com');
    const revoked = revoke(restored, issued.serialNumber.toLowerCase(), new Date('2026-02-03T04:05:06.789Z'), 'Superseded');
    assert.deepEqual(revoked.revoked, [{ serialNumber: issued.serialNumber, revokedAt: '2026-02-03T04:05:06.000Z', reason: 'Superseded' }]);
    assert.deepEqual(restored.revoked, [], 'revoke returns a new state');
    assert.deepEqual(JSON.parse(JSON.stringify(createCrl(revoked).ca)).nextCrlNumber, 2);
  });

  it('refuses to act as a CA with a certificate that is not one', async () => {
    const notACa: LabCa = { certificatePem: pki.leaf.certificatePem, privateKeyPem: pki.leaf.privateKeyPem, issuerChainPems: [], nextCrlNumber: 1, revoked: [] };
    await assert.rejects(issueCertificate(notACa, { subject: 'CN=x.contoso.com', keySize: 1024 }), errorWithId('CaCertificateUnsuitable', /is not a CA certificate/));
    await assert.rejects(createSubordinateCa(notACa, { subject: 'CN=x', keySize: 1024 }), errorWithId('CaCertificateUnsuitable'));
  });

  it('writes a CRL distribution point when configured', async () => {
    const root = await createRootCa({ subject: 'CN=CDP Root', keySize: 1024, crlDistributionPoint: 'http://pki.contoso.com/root.crl' });
    const issued = await issueCertificate(root, { subject: 'CN=cdp.contoso.com', privateKeyPem: pki.leaf.privateKeyPem });
    assert.deepEqual(issued.certificate.crlDistributionPoints, ['http://pki.contoso.com/root.crl']);
    const text = opensslOk(['x509', '-noout', '-text'], { input: issued.certificatePem }).output;
    assert.match(text, /URI:http:\/\/pki\.contoso\.com\/root\.crl/);
  });

  it('issues a partner organisation\'s certificate and key', async () => {
    const partner = await issueCertificate(pki.issuing, { subject: 'C=US, O=Woodgrove Bank, CN=mail.woodgrovebank.com', domainNames: ['woodgrovebank.com'], keySize: 1024 });
    assert.equal(parseCertificate(partner.certificatePem).subject, 'CN=mail.woodgrovebank.com, O=Woodgrove Bank, C=US');
    assert.deepEqual(partner.certificate.certificateDomains, ['mail.woodgrovebank.com', 'woodgrovebank.com']);
    assert.match(partner.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  });
});
