import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCertificates } from '../../src/pki/certificate-files.ts';
import { detectFormat } from '../../src/pki/file-format.ts';
import { errorWithId } from './helpers/errors.ts';
import { createLabPki, type LabPki } from './helpers/lab-pki.ts';
import { makeTempDir, opensslOk, type TempDir } from './helpers/openssl.ts';

describe('readCertificates and detectFormat', () => {
  let temp: TempDir;
  let pki: LabPki;
  let chainPem: string;
  let thumbprints: string[];

  before(async () => {
    temp = makeTempDir();
    pki = await createLabPki();
    chainPem = [pki.leaf.certificatePem, ...pki.leaf.chainPems].join('');
    temp.write('chain.pem', chainPem);
    temp.write('leaf.pem', pki.leaf.certificatePem);
    thumbprints = [pki.leaf.certificate.thumbprint, ...[pki.issuing, pki.root].map((ca) => readCertificates(ca.certificatePem)[0]!.thumbprint)];
    opensslOk(['crl2pkcs7', '-nocrl', '-certfile', temp.path('chain.pem'), '-outform', 'DER', '-out', temp.path('chain.p7b')]);
    opensslOk(['crl2pkcs7', '-nocrl', '-certfile', temp.path('chain.pem'), '-out', temp.path('chain-pem.p7b')]);
    opensslOk(['x509', '-in', temp.path('leaf.pem'), '-outform', 'DER', '-out', temp.path('leaf.cer')]);
    opensslOk(['pkcs12', '-export', '-in', temp.path('leaf.pem'), '-inkey', temp.write('leaf.key', pki.leaf.privateKeyPem), '-out', temp.path('leaf.pfx'), '-passout', 'pass:x']);
    opensslOk(['req', '-new', '-key', temp.path('leaf.key'), '-out', temp.path('leaf.csr'), '-subj', '/CN=x']);
    opensslOk(['req', '-new', '-key', temp.path('leaf.key'), '-outform', 'DER', '-out', temp.path('leaf.csr.der'), '-subj', '/CN=x']);
  });
  after(() => temp.remove());

  it('reads a DER .cer', () => {
    assert.deepEqual(readCertificates(temp.read('leaf.cer')).map((c) => c.thumbprint), thumbprints.slice(0, 1));
  });

  it('reads every certificate of a PEM file, in order', () => {
    assert.deepEqual(readCertificates(temp.read('chain.pem')).map((c) => c.thumbprint), thumbprints);
  });

  it('reads base64 without PEM headers', () => {
    const base64 = temp.read('leaf.cer').toString('base64').replace(/(.{76})/g, '$1\r\n');
    assert.deepEqual(readCertificates(Buffer.from(base64)).map((c) => c.thumbprint), thumbprints.slice(0, 1));
  });

  it('reads PKCS #7 chains from openssl crl2pkcs7, DER and PEM, byte for byte', () => {
    assert.deepEqual(new Set(readCertificates(temp.read('chain.p7b')).map((c) => c.thumbprint)), new Set(thumbprints));
    assert.deepEqual(new Set(readCertificates(temp.read('chain-pem.p7b')).map((c) => c.thumbprint)), new Set(thumbprints));
    assert.deepEqual(new Set(readCertificates(temp.read('chain.p7b').toString('base64')).map((c) => c.thumbprint)), new Set(thumbprints));
  });

  it('refuses requests and PFX files with the reason', () => {
    assert.throws(() => readCertificates(temp.read('leaf.csr')), errorWithId('NotACertificate', /certificate request/));
    assert.throws(() => readCertificates(temp.read('leaf.pfx')), errorWithId('NotACertificate', /PFX/));
    assert.throws(() => readCertificates(Buffer.from([1, 2, 3, 4])), errorWithId('CertificateDataInvalid'));
  });

  it('detects each format', () => {
    assert.equal(detectFormat(temp.read('leaf.pfx')), 'pfx');
    assert.equal(detectFormat(temp.read('leaf.pem')), 'pem-certificate');
    assert.equal(detectFormat(temp.read('leaf.cer').toString('base64')), 'pem-certificate');
    assert.equal(detectFormat(temp.read('leaf.cer')), 'der-certificate');
    assert.equal(detectFormat(temp.read('chain.p7b')), 'pkcs7');
    assert.equal(detectFormat(temp.read('chain-pem.p7b')), 'pkcs7');
    assert.equal(detectFormat(temp.read('leaf.csr')), 'csr');
    assert.equal(detectFormat(temp.read('leaf.csr.der')), 'csr');
    assert.equal(detectFormat(pki.leaf.privateKeyPem + pki.leaf.certificatePem), 'pem-certificate');
    assert.equal(detectFormat(pki.leaf.privateKeyPem), 'unknown');
    assert.equal(detectFormat(Buffer.from('hello')), 'unknown');
    assert.equal(detectFormat(Buffer.alloc(0)), 'unknown');
  });

  it('still recognises truncated PFX and certificate files', () => {
    const pfx = temp.read('leaf.pfx');
    assert.equal(detectFormat(pfx.subarray(0, 100)), 'pfx');
    assert.equal(detectFormat(temp.read('leaf.cer').subarray(0, 40)), 'der-certificate');
  });

  it('detects CRLs made by openssl ca -gencrl, PEM and DER', () => {
    temp.write('ca.key', pki.issuing.privateKeyPem);
    temp.write('ca.pem', pki.issuing.certificatePem);
    temp.write('index.txt', '');
    temp.write('crlnumber', '01\n');
    temp.write('ca.cnf', `[ca]\ndefault_ca=lab\n[lab]\ndatabase=${temp.path('index.txt')}\ncrlnumber=${temp.path('crlnumber')}\ndefault_md=sha256\ndefault_crl_days=7\n`);
    opensslOk(['ca', '-config', temp.path('ca.cnf'), '-gencrl', '-cert', temp.path('ca.pem'), '-keyfile', temp.path('ca.key'), '-out', temp.path('ca.crl')]);
    opensslOk(['crl', '-in', temp.path('ca.crl'), '-outform', 'DER', '-out', temp.path('ca.crl.der')]);
    assert.equal(detectFormat(temp.read('ca.crl')), 'crl');
    assert.equal(detectFormat(temp.read('ca.crl.der')), 'crl');
  });
});
