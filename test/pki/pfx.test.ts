import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readPfx } from '../../src/pki/pfx-read.ts';
import { writePfx } from '../../src/pki/pfx-write.ts';
import { publicKeyFingerprint } from '../../src/pki/rsa-keys.ts';
import { errorWithId } from './helpers/errors.ts';
import { createLabPki, type LabPki } from './helpers/lab-pki.ts';
import { makeTempDir, opensslOk, opensslPublicKeySha256, opensslThumbprint, type TempDir } from './helpers/openssl.ts';

describe('readPfx with files made by openssl pkcs12 -export', () => {
  let temp: TempDir;
  let thumbprint: string;
  let keyFingerprint: string;

  before(() => {
    temp = makeTempDir();
    opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', temp.path('key.pem'), '-out', temp.path('cert.pem'), '-days', '30', '-subj', '/DC=com/DC=Contoso/CN=mail1.contoso.com']);
    opensslOk(['req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', temp.path('ca.key'), '-out', temp.path('ca.pem'), '-days', '30', '-subj', '/CN=Chain CA']);
    thumbprint = opensslThumbprint(temp.path('cert.pem'));
    keyFingerprint = opensslPublicKeySha256(temp.path('key.pem'), 'key');
    const common = ['pkcs12', '-export', '-in', temp.path('cert.pem'), '-inkey', temp.path('key.pem'), '-name', 'Internet certificate'];
    opensslOk([...common, '-certfile', temp.path('ca.pem'), '-out', temp.path('default.pfx'), '-passout', 'pass:P@ssw0rd']);
    opensslOk([...common, '-legacy', '-out', temp.path('legacy.pfx'), '-passout', 'pass:P@ssw0rd']);
    opensslOk([...common, '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1', '-out', temp.path('3des.pfx'), '-passout', 'pass:P@ssw0rd']);
    opensslOk([...common, '-out', temp.path('empty.pfx'), '-passout', 'pass:']);
    opensslOk(['pkcs12', '-export', '-nokeys', '-in', temp.path('cert.pem'), '-out', temp.path('nokey.pfx'), '-passout', 'pass:P@ssw0rd']);
  });
  after(() => temp.remove());

  for (const [file, what] of [['default.pfx', 'OpenSSL 3 defaults (AES-256, PBKDF2, SHA-256 MAC)'], ['legacy.pfx', '-legacy (RC2-40)'], ['3des.pfx', 'PBE-SHA1-3DES with a SHA-1 MAC']] as const) {
    it(`reads ${what} with the right password`, () => {
      const contents = readPfx(temp.read(file), 'P@ssw0rd');
      assert.equal(contents.certificate.thumbprint, thumbprint);
      assert.equal(contents.certificate.subject, 'CN=mail1.contoso.com, DC=Contoso, DC=com');
      assert.equal(publicKeyFingerprint(contents.privateKeyPem), keyFingerprint);
      assert.match(contents.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
      assert.equal(contents.friendlyName, 'Internet certificate');
    });

    it(`says the password is wrong for ${what}`, () => {
      assert.throws(() => readPfx(temp.read(file), 'wrong'), errorWithId('PfxPasswordIncorrect', /^The PFX password is incorrect/));
    });
  }

  it('returns the other certificates as the chain', () => {
    const contents = readPfx(temp.read('default.pfx'), 'P@ssw0rd');
    assert.deepEqual(contents.chain.map((c) => c.subject), ['CN=Chain CA']);
  });

  it('reads a file exported with an empty password when no password is given', () => {
    assert.equal(readPfx(temp.read('empty.pfx'), undefined).certificate.thumbprint, thumbprint);
    assert.equal(readPfx(temp.read('empty.pfx'), '').certificate.thumbprint, thumbprint);
  });

  it('reads a file whose password is not ASCII (UTF-8 for PBES2, BMPString for the MAC)', () => {
    opensslOk(['pkcs12', '-export', '-in', temp.path('cert.pem'), '-inkey', temp.path('key.pem'), '-out', temp.path('utf8.pfx'), '-passout', 'pass:pässwörd']);
    assert.equal(readPfx(temp.read('utf8.pfx'), 'pässwörd').certificate.thumbprint, thumbprint);
    assert.throws(() => readPfx(temp.read('utf8.pfx'), 'passwörd'), errorWithId('PfxPasswordIncorrect'));
  });

  it('reads base64 text of a PFX', () => {
    assert.equal(readPfx(temp.read('default.pfx').toString('base64'), 'P@ssw0rd').certificate.thumbprint, thumbprint);
  });

  it('says a truncated file is truncated', () => {
    const data = temp.read('default.pfx');
    assert.throws(() => readPfx(data.subarray(0, Math.floor(data.length / 2)), 'P@ssw0rd'), errorWithId('PfxCorrupt', /^The PFX data is truncated: the data ends after \d+ bytes/));
  });

  it('says corrupt data is corrupt', () => {
    // Damage inside MAC-protected content reads as a wrong password (as on Windows); damage to the
    // structure itself, here the MAC's digest algorithm, is reported as corruption.
    const data = Buffer.from(temp.read('default.pfx'));
    const sha256Oid = Buffer.from('608648016503040201', 'hex');
    data[data.lastIndexOf(sha256Oid) + sha256Oid.length - 1] = 0x7f;
    assert.throws(() => readPfx(data, 'P@ssw0rd'), errorWithId('PfxCorrupt', /^The PFX data is corrupt and cannot be read \(.*MAC algorithm/));
    assert.throws(() => readPfx(Buffer.from('definitely not a pfx'), 'x'), errorWithId('PfxCorrupt', /not a PFX/));
  });

  it('says when the file has no private key', () => {
    assert.throws(() => readPfx(temp.read('nokey.pfx'), 'P@ssw0rd'), errorWithId('PfxNoPrivateKey', /no private key \(certificates: "CN=mail1\.contoso\.com, DC=Contoso, DC=com"\)/));
  });

  it('says an EC key is not supported', () => {
    opensslOk(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', temp.path('ec.key'), '-out', temp.path('ec.pem'), '-days', '1', '-subj', '/CN=ec.contoso.com']);
    opensslOk(['pkcs12', '-export', '-in', temp.path('ec.pem'), '-inkey', temp.path('ec.key'), '-out', temp.path('ec.pfx'), '-passout', 'pass:P@ssw0rd']);
    assert.throws(() => readPfx(temp.read('ec.pfx'), 'P@ssw0rd'), errorWithId('PfxEcKeyUnsupported', /^EC keys are not supported: .*curve P-256/));
  });

  it('says a certificate request is not a PFX', () => {
    opensslOk(['req', '-new', '-key', temp.path('key.pem'), '-out', temp.path('r.csr'), '-subj', '/CN=mail1.contoso.com']);
    assert.throws(() => readPfx(temp.read('r.csr'), 'P@ssw0rd'), errorWithId('NotAPfx', /certificate request \(PKCS #10\), not a PFX/));
    assert.throws(() => readPfx(temp.read('cert.pem'), 'P@ssw0rd'), errorWithId('NotAPfx', /without its private key/));
  });
});

describe('writePfx', () => {
  let temp: TempDir;
  let pki: LabPki;
  let pfx: Buffer;

  before(async () => {
    temp = makeTempDir();
    pki = await createLabPki();
    pfx = writePfx(pki.leaf.privateKeyPem, [pki.leaf.certificatePem, ...pki.leaf.chainPems], 'S3cret!', { friendlyName: 'Internet certificate' });
    temp.write('ours.pfx', pfx);
  });
  after(() => temp.remove());

  it('is read by OpenSSL 3 without the legacy provider, key and certificate intact', () => {
    const result = opensslOk(['pkcs12', '-in', temp.path('ours.pfx'), '-passin', 'pass:S3cret!', '-nodes', '-out', temp.path('out.pem')]);
    assert.doesNotMatch(result.output, /error/i);
    opensslOk(['pkey', '-in', temp.path('out.pem'), '-out', temp.path('out.key')]);
    opensslOk(['x509', '-in', temp.path('out.pem'), '-out', temp.path('out.crt')]);
    assert.equal(opensslPublicKeySha256(temp.path('out.key'), 'key'), pki.leaf.certificate.publicKeyFingerprint);
    assert.equal(opensslThumbprint(temp.path('out.crt')), pki.leaf.certificate.thumbprint);
    assert.equal(opensslOk(['pkcs12', '-in', temp.path('ours.pfx'), '-passin', 'pass:S3cret!', '-nokeys']).stdout.match(/BEGIN CERTIFICATE/g)?.length, 3);
  });

  it('uses AES-256 with PBKDF2/HMAC-SHA-256 for the key, and forge\'s SHA-1 MAC', () => {
    const info = opensslOk(['pkcs12', '-in', temp.path('ours.pfx'), '-passin', 'pass:S3cret!', '-info', '-noout']).output;
    assert.match(info, /MAC: sha1/);
    assert.match(info, /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
    const bags = opensslOk(['pkcs12', '-in', temp.path('ours.pfx'), '-passin', 'pass:S3cret!', '-nokeys']).output;
    assert.match(bags, /friendlyName: Internet certificate/);
  });

  it('round-trips through readPfx with the chain and friendly name', () => {
    const contents = readPfx(pfx, 'S3cret!');
    assert.equal(contents.certificate.thumbprint, pki.leaf.certificate.thumbprint);
    assert.deepEqual(contents.chain.map((c) => c.subject), ['CN=Contoso Issuing CA, DC=Contoso, DC=com', 'CN=Fabrikam Root CA, O=Fabrikam Trust, C=US']);
    assert.equal(contents.friendlyName, 'Internet certificate');
    assert.throws(() => readPfx(pfx, 'S3cret'), errorWithId('PfxPasswordIncorrect'));
  });

  it('refuses passwords it cannot encode the way OpenSSL and Windows do', () => {
    assert.throws(() => writePfx(pki.leaf.privateKeyPem, [pki.leaf.certificatePem], 'pässwörd'), errorWithId('InvalidPassword', /ASCII/));
  });

  it('refuses a key that does not belong to the certificate', () => {
    assert.throws(() => writePfx(pki.issuing.privateKeyPem, [pki.leaf.certificatePem], 'x'), errorWithId('KeyCertificateMismatch', /does not belong/));
  });
});
