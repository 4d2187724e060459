import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crlIssuedBy, findRevokedEntry, parseCrl } from '../../src/pki/crl.ts';
import { createCrl, revoke } from '../../src/pki/lab-ca.ts';
import { issueCertificate, type IssuedCertificateWithKey } from '../../src/pki/lab-ca-issue.ts';
import { errorWithId } from './helpers/errors.ts';
import { createLabPki, type LabPki } from './helpers/lab-pki.ts';
import { makeTempDir, openssl, opensslOk, type TempDir } from './helpers/openssl.ts';

describe('CRLs from the lab CA', () => {
  let temp: TempDir;
  let pki: LabPki;
  let revoked: IssuedCertificateWithKey;

  before(async () => {
    temp = makeTempDir();
    pki = await createLabPki();
    revoked = await issueCertificate(pki.issuing, { subject: 'CN=mail2.mail.contoso.com', keySize: 1024 });
    temp.write('root.pem', pki.root.certificatePem);
    temp.write('chain.pem', pki.issuing.certificatePem + pki.root.certificatePem);
    temp.write('leaf.pem', pki.leaf.certificatePem);
    temp.write('revoked.pem', revoked.certificatePem);
  });
  after(() => temp.remove());

  it('are verified by openssl crl -CAfile', () => {
    const issuing = revoke(pki.issuing, revoked.serialNumber, new Date(Date.now() - 60_000), 'KeyCompromise');
    temp.write('ours.crl', createCrl(issuing).crlPem);
    const result = opensslOk(['crl', '-in', temp.path('ours.crl'), '-CAfile', temp.path('chain.pem'), '-noout']);
    assert.match(result.output, /verify OK/);
    const text = opensslOk(['crl', '-in', temp.path('ours.crl'), '-noout', '-text']).output;
    assert.match(text, /Version 2/);
    assert.match(text, new RegExp(`Serial Number: ${revoked.serialNumber}`));
    assert.match(text, /Key Compromise/);
    assert.match(text, /X509v3 CRL Number: \n\s+1\n/);
    const keyId = readKeyId(pki.issuing.certificatePem).replace(/(..)(?!$)/g, '$1:');
    assert.match(text, new RegExp(`X509v3 Authority Key Identifier: \\n\\s+${keyId}\\n`));
  });

  it('make openssl verify -crl_check report the revoked certificate, and pass the others', () => {
    const issuing = revoke(pki.issuing, revoked.serialNumber, new Date(Date.now() - 60_000));
    temp.write('crls.pem', createCrl(issuing).crlPem + createCrl(pki.root).crlPem);
    const bad = openssl(['verify', '-crl_check_all', '-CRLfile', temp.path('crls.pem'), '-CAfile', temp.path('chain.pem'), temp.path('revoked.pem')]);
    assert.notEqual(bad.status, 0);
    assert.match(bad.output, /certificate revoked/);
    const leafOnly = openssl(['verify', '-crl_check', '-CRLfile', temp.write('issuing.crl', createCrl(issuing).crlPem), '-CAfile', temp.path('chain.pem'), temp.path('revoked.pem')]);
    assert.match(leafOnly.output, /error 23 at 0 depth lookup: certificate revoked/);
    const good = opensslOk(['verify', '-crl_check_all', '-CRLfile', temp.path('crls.pem'), '-CAfile', temp.path('chain.pem'), temp.path('leaf.pem')]);
    assert.match(good.output, /leaf\.pem: OK/);
  });

  it('parse back: issuer, dates, entries with reasons, CRL number, authority key id', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const issuing = revoke(pki.issuing, revoked.serialNumber, at, 'Superseded');
    const created = createCrl(issuing, { thisUpdate: at, nextUpdate: new Date('2026-01-08T00:00:00Z') });
    const crl = parseCrl(created.crlDer);
    assert.equal(crl.version, 2);
    assert.equal(crl.issuer, 'CN=Contoso Issuing CA, DC=Contoso, DC=com');
    assert.deepEqual(crl.thisUpdate, at);
    assert.deepEqual(crl.nextUpdate, new Date('2026-01-08T00:00:00Z'));
    assert.deepEqual(crl.revoked, [{ serialNumber: revoked.serialNumber, revocationDate: at, reason: 'Superseded' }]);
    assert.equal(crl.crlNumber, '01');
    assert.equal(crl.authorityKeyIdentifier, readKeyId(pki.issuing.certificatePem));
    assert.equal(crlIssuedBy(crl, pki.issuing.certificatePem), true);
    assert.equal(crlIssuedBy(crl, pki.root.certificatePem), false);
    assert.ok(findRevokedEntry(crl, revoked.serialNumber.toLowerCase()));
  });

  it('advance the CRL number and leave the old state untouched', () => {
    const first = createCrl(pki.issuing);
    const second = createCrl(first.ca);
    assert.equal(first.crlNumber, 1);
    assert.equal(second.crlNumber, 2);
    assert.equal(parseCrl(second.crlPem).crlNumber, '02');
    assert.equal(pki.issuing.nextCrlNumber, 1);
  });

  it('fail signature verification when tampered with', () => {
    const der = Buffer.from(createCrl(pki.issuing).crlDer);
    der[der.length - 5]! ^= 0xff;
    assert.equal(crlIssuedBy(parseCrl(der), pki.issuing.certificatePem), false);
  });

  it('refuse data that is not a CRL', () => {
    assert.throws(() => parseCrl(pki.leaf.certificatePem), errorWithId('CrlInvalid', /not a certificate revocation list/));
  });
});

describe('CRLs made by openssl ca -gencrl', () => {
  let temp: TempDir;
  let pki: LabPki;

  before(async () => {
    temp = makeTempDir();
    pki = await createLabPki();
    temp.write('ca.key', pki.issuing.privateKeyPem);
    temp.write('ca.pem', pki.issuing.certificatePem);
    temp.write('leaf.pem', pki.leaf.certificatePem);
    temp.write('index.txt', '');
  });
  after(() => temp.remove());

  function config(withCrlNumber: boolean): string {
    const crlNumber = withCrlNumber ? `crlnumber=${temp.write('crlnumber', '1000\n')}\n` : '';
    return temp.write('ca.cnf', `[ca]\ndefault_ca=lab\n[lab]\ndatabase=${temp.path('index.txt')}\n${crlNumber}default_md=sha256\ndefault_crl_days=30\n`);
  }

  it('parse, list the revoked serial and reason, and verify against the CA', () => {
    const cnf = config(true);
    opensslOk(['ca', '-config', cnf, '-cert', temp.path('ca.pem'), '-keyfile', temp.path('ca.key'), '-revoke', temp.path('leaf.pem'), '-crl_reason', 'cessationOfOperation']);
    opensslOk(['ca', '-config', cnf, '-gencrl', '-cert', temp.path('ca.pem'), '-keyfile', temp.path('ca.key'), '-out', temp.path('openssl.crl')]);
    const crl = parseCrl(temp.read('openssl.crl'));
    assert.equal(crl.version, 2);
    assert.equal(crl.crlNumber, '1000');
    assert.equal(crl.issuer, 'CN=Contoso Issuing CA, DC=Contoso, DC=com');
    assert.equal(crl.revoked.length, 1);
    assert.equal(crl.revoked[0]!.serialNumber, pki.leaf.serialNumber);
    assert.equal(crl.revoked[0]!.reason, 'CessationOfOperation');
    assert.ok(crl.nextUpdate && crl.nextUpdate.getTime() > crl.thisUpdate.getTime());
    assert.equal(crlIssuedBy(crl, pki.issuing.certificatePem), true);
  });

  it('parse a v1 CRL (no extensions, no revoked entries)', () => {
    temp.write('index.txt', '');
    opensslOk(['ca', '-config', config(false), '-gencrl', '-cert', temp.path('ca.pem'), '-keyfile', temp.path('ca.key'), '-out', temp.path('v1.crl')]);
    const crl = parseCrl(temp.read('v1.crl'));
    assert.equal(crl.version, 1);
    assert.equal(crl.revoked.length, 0);
    assert.equal(crl.crlNumber, undefined);
    assert.equal(crlIssuedBy(crl, pki.issuing.certificatePem), true);
  });
});

function readKeyId(pem: string): string {
  const text = opensslOk(['x509', '-noout', '-ext', 'subjectKeyIdentifier'], { input: pem }).stdout;
  return text.split('\n')[1]!.trim().replace(/:/g, '').toUpperCase();
}
