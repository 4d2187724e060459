import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createNodePeerValidator } from '../../src/transport/node-peer-validator.ts';
import { crlSignedByKey, findRevokedEntry, parseCrl } from '../../src/pki/crl.ts';
import { labCertificates } from './helpers/certificates.ts';

const certificates = labCertificates();
const der = (pem: string): Buffer => new X509Certificate(pem).raw;
const validate = createNodePeerValidator({ trustedCaPems: [certificates.caPem], crlPems: [certificates.crlPem] });

test('a partner certificate from the trusted CA, matching the domain, is Valid', async () => {
  const result = await validate([der(certificates.woodgrove.certPem)], 'woodgrovebank.com');
  assert.deepEqual([result.ok, result.status], [true, 'Valid']);
});

test('each bad certificate gets its own status', async () => {
  const cases: Array<[keyof typeof certificates, string]> = [
    ['woodgroveExpired', 'DateInvalid'],
    ['woodgroveWrongName', 'NameMismatch'],
    ['woodgroveUntrusted', 'Untrusted'],
    ['woodgroveRevoked', 'Revoked'],
  ];
  for (const [name, status] of cases) {
    const files = certificates[name] as { certPem: string };
    const result = await validate([der(files.certPem)], 'woodgrovebank.com');
    assert.equal(result.ok, false, name);
    assert.equal(result.status, status, name);
    assert.ok(result.detail.length > 0);
  }
});

test('the right certificate for another domain is a NameMismatch, no chain is EmptyCertificate', async () => {
  assert.equal((await validate([der(certificates.contoso.certPem)], 'woodgrovebank.com')).status, 'NameMismatch');
  assert.equal((await validate([], 'woodgrovebank.com')).status, 'EmptyCertificate');
});

test('an expired CRL makes revocation checking fail; a missing one only when required', async () => {
  const later = createNodePeerValidator({ trustedCaPems: [certificates.caPem], crlPems: [certificates.crlPem], now: () => new Date(Date.now() + 60 * 24 * 3600 * 1000) });
  assert.equal((await later([der(certificates.woodgrove.certPem)], 'woodgrovebank.com')).status, 'RevocationCheckFailure');
  const strict = createNodePeerValidator({ trustedCaPems: [certificates.caPem], requireRevocationInformation: true });
  assert.equal((await strict([der(certificates.woodgrove.certPem)], 'woodgrovebank.com')).status, 'RevocationCheckFailure');
  const lenient = createNodePeerValidator({ trustedCaPems: [certificates.caPem] });
  assert.equal((await lenient([der(certificates.woodgrove.certPem)], 'woodgrovebank.com')).status, 'Valid');
});

test("src/pki's CRL reader finds Node's serial numbers and checks the issuer key", () => {
  const crl = parseCrl(certificates.crlPem);
  const revoked = new X509Certificate(certificates.woodgroveRevoked.certPem);
  assert.ok(findRevokedEntry(crl, revoked.serialNumber));
  assert.equal(findRevokedEntry(crl, new X509Certificate(certificates.woodgrove.certPem).serialNumber), undefined);
  assert.ok(crlSignedByKey(crl, new X509Certificate(certificates.caPem).publicKey));
  assert.ok(!crlSignedByKey(crl, new X509Certificate(certificates.otherCaPem).publicKey));
  assert.ok(crl.nextUpdate && crl.nextUpdate > crl.thisUpdate);
});

test('a Valid result is reused only while nothing it rests on changed: CRLs, the clock, the domain', async () => {
  let crls: string[] = [];
  let now = new Date();
  const cached = createNodePeerValidator({ trustedCaPems: [certificates.caPem], crlPems: () => crls, now: () => now });
  const revoked = [der(certificates.woodgroveRevoked.certPem)];
  assert.equal((await cached(revoked, 'woodgrovebank.com')).status, 'Valid', 'no CRL yet: not known to be revoked');
  assert.equal((await cached(revoked, 'woodgrovebank.com')).status, 'Valid');
  crls = [certificates.crlPem];
  assert.equal((await cached(revoked, 'woodgrovebank.com')).status, 'Revoked', 'a newly published CRL applies at once');

  const good = [der(certificates.woodgrove.certPem)];
  assert.equal((await cached(good, 'woodgrovebank.com')).status, 'Valid');
  assert.equal((await cached(good, 'fabrikam.com')).status, 'NameMismatch', 'the same chain for another domain');
  now = new Date(Date.now() + 60 * 24 * 3600 * 1000);
  assert.equal((await cached(good, 'woodgrovebank.com')).status, 'RevocationCheckFailure', 'past the CRL next update');
});

test('a failed validation is not remembered', async () => {
  let now = new Date(Date.parse(new X509Certificate(certificates.woodgrove.certPem).validFrom) - 24 * 3600 * 1000);
  const validator = createNodePeerValidator({ trustedCaPems: [certificates.caPem], crlPems: [certificates.crlPem], now: () => now });
  const good = [der(certificates.woodgrove.certPem)];
  assert.equal((await validator(good, 'woodgrovebank.com')).status, 'DateInvalid', 'not valid yet');
  now = new Date();
  assert.equal((await validator(good, 'woodgrovebank.com')).status, 'Valid');
});

/** A leaf with its chain read on demand, as the receive side hands it over, counting the reads. */
function lazyChain(chain: Buffer[]): { leaf: Buffer | undefined; chain: () => Buffer[]; reads: number } {
  const presented = { leaf: chain[0], reads: 0, chain: () => (presented.reads++, chain) };
  return presented;
}

test('a remembered Valid verdict is found from the leaf: the chain is read only to validate', async () => {
  let crls: string[] = [];
  const validator = createNodePeerValidator({ trustedCaPems: [certificates.caPem], crlPems: () => crls });
  const partner = lazyChain([der(certificates.woodgroveRevoked.certPem)]);
  assert.equal((await validator(partner, 'woodgrovebank.com')).status, 'Valid', 'no CRL yet');
  assert.equal(partner.reads, 1);
  assert.equal((await validator(partner, 'woodgrovebank.com')).status, 'Valid');
  assert.equal(partner.reads, 1, 'the next session of the same leaf does not read the chain');
  crls = [certificates.crlPem];
  assert.equal((await validator(partner, 'woodgrovebank.com')).status, 'Revoked', 'a changed CRL refuses the same leaf');
  assert.equal(partner.reads, 2);
  assert.equal((await validator(partner, 'fabrikam.com')).status, 'NameMismatch');
  assert.equal((await validator(lazyChain([]), 'woodgrovebank.com')).status, 'EmptyCertificate');
});
