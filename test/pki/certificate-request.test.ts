import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCertificateRequest, type CreatedCertificateRequest, parseCertificateRequest } from '../../src/pki/certificate-request.ts';
import { parseCertificate, publicKeyMatches } from '../../src/pki/certificate-info.ts';
import { generateRsaKeyPair, publicKeyFingerprint as publicKeyFingerprintOf } from '../../src/pki/rsa-keys.ts';
import { errorWithId } from './helpers/errors.ts';
import { makeTempDir, opensslOk, opensslPublicKeySha256, type TempDir } from './helpers/openssl.ts';

describe('createCertificateRequest (the walkthrough request)', () => {
  let temp: TempDir;
  let request: CreatedCertificateRequest;
  let requestFile: string;

  before(async () => {
    temp = makeTempDir();
    request = await createCertificateRequest({
      subject: 'DC=com,DC=Contoso,CN=mail1.contoso.com',
      domainNames: ['mail.contoso.com'],
      friendlyName: 'Internet certificate',
    });
    requestFile = temp.write('request.p7c', request.csrPem);
  });
  after(() => temp.remove());

  it('writes Exchange\'s armour: NEW CERTIFICATE REQUEST, 64-column lines, CRLF', () => {
    assert.match(request.csrPem, /^-----BEGIN NEW CERTIFICATE REQUEST-----\r\n/);
    assert.match(request.csrPem, /\r\n-----END NEW CERTIFICATE REQUEST-----\r\n$/);
    const lines = request.csrPem.split('\r\n').slice(1, -2);
    assert.ok(lines.slice(0, -1).every((line) => line.length === 64));
    assert.ok(!/[^\r]\n/.test(request.csrPem), 'every line ends in CRLF');
  });

  it('is accepted by openssl req -verify as written, with the subject in DER order', () => {
    const result = opensslOk(['req', '-in', requestFile, '-verify', '-noout', '-text']);
    assert.match(result.output, /verify OK/);
    assert.match(result.output, /Subject: DC = com, DC = Contoso, CN = mail1\.contoso\.com\s/);
    assert.match(result.output, /Public-Key: \(2048 bit\)/);
    assert.match(result.output, /Signature Algorithm: sha256WithRSAEncryption/);
  });

  it('requests the subject CN and the domain name as DNS alternative names', () => {
    const result = opensslOk(['req', '-in', requestFile, '-noout', '-text']);
    assert.match(result.output, /X509v3 Subject Alternative Name:\s*\n\s*DNS:mail1\.contoso\.com, DNS:mail\.contoso\.com\n/);
    assert.deepEqual(request.dnsNames, ['mail1.contoso.com', 'mail.contoso.com']);
  });

  it('reports the display subject, key size, friendly name, and a matching key', () => {
    assert.equal(request.subject, 'CN=mail1.contoso.com, DC=Contoso, DC=com');
    assert.equal(request.keySize, 2048);
    assert.equal(request.friendlyName, 'Internet certificate');
    const keyFile = temp.write('request.key', request.privateKeyPem);
    assert.equal(opensslPublicKeySha256(keyFile, 'key'), request.publicKeyFingerprint);
  });

  it('parses back with a valid signature and the same names', () => {
    const parsed = parseCertificateRequest(request.csrPem);
    assert.equal(parsed.signatureValid, true);
    assert.equal(parsed.subject, request.subject);
    assert.deepEqual(parsed.dnsNames, request.dnsNames);
    assert.equal(parsed.publicKeyFingerprint, request.publicKeyFingerprint);
    assert.deepEqual(parseCertificateRequest(request.csrDer).der, request.csrDer);
  });

  it('is signed by openssl x509 -req, and the certificate binds to the pending key', async () => {
    opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', temp.path('ca.key'), '-out', temp.path('ca.pem'), '-subj', '/CN=OpenSSL Test CA', '-days', '30']);
    opensslOk(['x509', '-req', '-in', requestFile, '-CA', temp.path('ca.pem'), '-CAkey', temp.path('ca.key'), '-CAcreateserial', '-copy_extensions', 'copy', '-days', '30', '-sha256', '-out', temp.path('issued.pem')]);
    const issued = parseCertificate(temp.read('issued.pem'));
    assert.equal(issued.subject, 'CN=mail1.contoso.com, DC=Contoso, DC=com');
    assert.equal(issued.issuer, 'CN=OpenSSL Test CA');
    assert.deepEqual(issued.certificateDomains, ['mail1.contoso.com', 'mail.contoso.com']);
    assert.equal(publicKeyMatches(issued, request.privateKeyPem), true);
    assert.equal(issued.publicKeyFingerprint, request.publicKeyFingerprint);
    const otherKey = await generateRsaKeyPair(1024);
    assert.equal(publicKeyMatches(issued, otherKey.privateKeyPem), false);
  });

  it('reads a request made by OpenSSL', () => {
    opensslOk(['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-keyout', temp.path('o.key'), '-out', temp.path('o.csr'), '-subj', '/C=US/ST=WA/O=Woodgrove Bank/CN=mail.woodgrovebank.com', '-addext', 'subjectAltName=DNS:mail.woodgrovebank.com,DNS:woodgrovebank.com']);
    const parsed = parseCertificateRequest(temp.read('o.csr'));
    assert.equal(parsed.subject, 'CN=mail.woodgrovebank.com, O=Woodgrove Bank, S=WA, C=US');
    assert.deepEqual(parsed.dnsNames, ['mail.woodgrovebank.com', 'woodgrovebank.com']);
    assert.equal(parsed.publicKeySize, 1024);
    assert.equal(parsed.signatureValid, true);
  });
});

describe('createCertificateRequest rules', () => {
  it('defaults the subject to CN=<first domain name>', async () => {
    const request = await createCertificateRequest({ domainNames: ['mail.contoso.com', 'contoso.com'], keySize: 1024 });
    assert.equal(request.subject, 'CN=mail.contoso.com');
    assert.deepEqual(request.dnsNames, ['mail.contoso.com', 'contoso.com']);
    assert.equal(request.friendlyName, 'Microsoft Exchange');
  });

  it('rejects key sizes Exchange does not offer, with Exchange\'s text', async () => {
    await assert.rejects(createCertificateRequest({ subject: 'CN=a.contoso.com', keySize: 3072 }), errorWithId('InvalidKeySize', /^3072 is not a valid key size\. Valid key sizes are 4096, 2048, and 1024\.$/));
  });

  it('rejects invalid domain names and subjects without an FQDN', async () => {
    await assert.rejects(createCertificateRequest({ subject: 'CN=a.contoso.com', domainNames: ['bad_name.contoso.com'] }), errorWithId('InvalidDomainName', /^Domain name bad_name\.contoso\.com is not valid for a certificate\.$/));
    await assert.rejects(createCertificateRequest({ subject: 'O=Contoso' }), errorWithId('SubjectCnNotValidFQDN', /at least one valid fully qualified domain name/));
  });

  it('rejects friendly names of 64 characters or more', async () => {
    await assert.rejects(createCertificateRequest({ subject: 'CN=a.contoso.com', friendlyName: 'x'.repeat(64) }), errorWithId('FriendlyNameTooLong', /63 characters/));
  });

  it('signs with an existing key when given one', async () => {
    const key = await generateRsaKeyPair(1024);
    const request = await createCertificateRequest({ subject: 'CN=renew.contoso.com', privateKeyPem: key.privateKeyPem });
    assert.equal(parseCertificateRequest(request.csrPem).publicKeyFingerprint, publicKeyFingerprintOf(key.publicKeyPem));
  });

  it('refuses a certificate where a request is expected', () => {
    const temp = makeTempDir();
    try {
      opensslOk(['req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', temp.path('k'), '-out', temp.path('c.pem'), '-subj', '/CN=x', '-days', '1']);
      assert.throws(() => parseCertificateRequest(temp.read('c.pem')), errorWithId('CertificateRequestInvalid', /not a PKCS #10/));
    } finally {
      temp.remove();
    }
  });
});
