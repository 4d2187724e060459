import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseCertificate } from '../../src/pki/certificate-info.ts';
import { createSelfSignedCertificate, type CreatedCertificate } from '../../src/pki/self-signed.ts';
import { normalizeSerialNumber } from '../../src/pki/serial-numbers.ts';
import { errorWithId } from './helpers/errors.ts';
import { makeTempDir, opensslOk, opensslThumbprint, type TempDir } from './helpers/openssl.ts';

describe('createSelfSignedCertificate', () => {
  let temp: TempDir;
  let created: CreatedCertificate;
  let file: string;
  const before0 = Date.now();

  before(async () => {
    temp = makeTempDir();
    created = await createSelfSignedCertificate({ subject: 'CN=edge01.contoso.com', domainNames: ['mail.contoso.com'] });
    file = temp.write('self.pem', created.certificatePem);
  });
  after(() => temp.remove());

  it('has Exchange 2007 defaults: one year, RSA 2048, SHA-256, self-signed', () => {
    const info = created.certificate;
    assert.ok(Math.abs(info.notBefore.getTime() - before0) < 5000);
    assert.equal(info.notAfter.getTime() - info.notBefore.getTime(), 365 * 86_400_000);
    assert.equal(info.publicKeySize, 2048);
    assert.equal(info.publicKeyAlgorithm, 'RSA');
    assert.equal(info.signatureAlgorithm, 'sha256RSA');
    assert.equal(info.isSelfSigned, true);
    assert.equal(info.subject, info.issuer);
    assert.equal(info.version, 3);
    assert.equal(created.friendlyName, 'Microsoft Exchange');
  });

  it('is usable for server and client authentication, with the CN among its DNS names', () => {
    const info = created.certificate;
    assert.deepEqual(info.enhancedKeyUsageList, ['Server Authentication (1.3.6.1.5.5.7.3.1)', 'Client Authentication (1.3.6.1.5.5.7.3.2)']);
    assert.deepEqual(info.keyUsage, ['DigitalSignature', 'KeyEncipherment']);
    assert.deepEqual(info.dnsNames, ['edge01.contoso.com', 'mail.contoso.com']);
    assert.deepEqual(info.certificateDomains, ['edge01.contoso.com', 'mail.contoso.com']);
    assert.match(info.subjectKeyIdentifier ?? '', /^[0-9A-F]{40}$/);
  });

  it('has the thumbprint and serial number OpenSSL reports', () => {
    assert.equal(created.certificate.thumbprint, opensslThumbprint(file));
    const serial = opensslOk(['x509', '-in', file, '-noout', '-serial']).stdout.trim().split('=')[1]!;
    assert.equal(created.certificate.serialNumber.length, 32);
    assert.equal(normalizeSerialNumber(created.certificate.serialNumber), normalizeSerialNumber(serial));
  });

  it('verifies with OpenSSL as its own trust anchor', () => {
    const result = opensslOk(['verify', '-CAfile', file, '-purpose', 'sslserver', file]);
    assert.match(result.output, /: OK/);
  });
});

describe('parseCertificate', () => {
  let temp: TempDir;
  before(() => {
    temp = makeTempDir();
  });
  after(() => temp.remove());

  it('shows an OpenSSL certificate the Windows way and matches OpenSSL\'s thumbprint', () => {
    opensslOk([
      'req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', temp.path('k.pem'), '-out', temp.path('c.pem'), '-days', '10',
      '-subj', '/C=US/ST=WA/L=Spokane/O=Corp/OU=Contoso/CN=smi.extest.contoso.com/emailAddress=admin@contoso.com',
      '-set_serial', '0x8a2edf2487c6f09b4e413fd3812a7f89',
      '-addext', 'subjectAltName=DNS:smi.extest.contoso.com,DNS:*.extest.contoso.com,IP:10.0.0.1',
    ]);
    const info = parseCertificate(temp.read('c.pem'));
    assert.equal(info.subject, 'E=admin@contoso.com, CN=smi.extest.contoso.com, OU=Contoso, O=Corp, L=Spokane, S=WA, C=US');
    assert.equal(info.thumbprint, opensslThumbprint(temp.path('c.pem')));
    // A serial with the high bit set keeps its leading 00 byte, as Windows shows it.
    assert.equal(info.serialNumber, '008A2EDF2487C6F09B4E413FD3812A7F89');
    assert.deepEqual(info.certificateDomains, ['smi.extest.contoso.com', '*.extest.contoso.com']);
    assert.deepEqual(info.otherAltNames, ['IP Address=10.0.0.1']);
    assert.equal(info.isSelfSigned, true);
    assert.equal(info.publicKeySize, 1024);
  });

  it('reads DER, PEM and bare base64 alike', () => {
    const pem = temp.read('c.pem');
    const der = Buffer.from(opensslOk(['x509', '-in', temp.path('c.pem'), '-outform', 'DER']).stdout, 'latin1');
    const base64 = der.toString('base64');
    const thumbprint = parseCertificate(pem).thumbprint;
    assert.equal(parseCertificate(der).thumbprint, thumbprint);
    assert.equal(parseCertificate(base64).thumbprint, thumbprint);
    assert.deepEqual(parseCertificate(pem).der, der);
  });

  it('parses EC certificates (for display), reporting the curve size', () => {
    opensslOk(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', temp.path('ec.key'), '-out', temp.path('ec.pem'), '-subj', '/CN=ec.woodgrovebank.com', '-days', '1']);
    const info = parseCertificate(temp.read('ec.pem'));
    assert.equal(info.publicKeyAlgorithm, 'EC');
    assert.equal(info.publicKeySize, 256);
    assert.equal(info.signatureAlgorithm, 'sha256ECDSA');
    assert.equal(info.isSelfSigned, true);
    assert.equal(info.thumbprint, opensslThumbprint(temp.path('ec.pem')));
  });

  it('refuses a certificate request, naming it', () => {
    opensslOk(['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-keyout', temp.path('r.key'), '-out', temp.path('r.csr'), '-subj', '/CN=r']);
    assert.throws(() => parseCertificate(temp.read('r.csr')), errorWithId('NotACertificate', /certificate request \(PKCS #10\)/));
  });

  it('refuses garbage with a clear error', () => {
    assert.throws(() => parseCertificate(Buffer.from('hello world, not a certificate')), errorWithId('CertificateDataInvalid'));
    const pem = temp.read('c.pem').toString();
    const damaged = pem.replace(/-----BEGIN CERTIFICATE-----\n(.{20})/, (_m, head: string) => `-----BEGIN CERTIFICATE-----\n${head.split('').reverse().join('')}`);
    assert.throws(() => parseCertificate(damaged), errorWithId('CertificateDataInvalid', /not a valid X\.509 certificate/));
  });
});
