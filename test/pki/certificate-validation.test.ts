import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays, buildCertificate, randomSerialNumber } from '../../src/pki/certificate-builder.ts';
import { parseCertificate, parseCertificateDer } from '../../src/pki/certificate-info.ts';
import { createCertificateRequest } from '../../src/pki/certificate-request.ts';
import { validateCertificate } from '../../src/pki/certificate-validation.ts';
import { parseSubjectName } from '../../src/pki/distinguished-name.ts';
import { issueCertificate } from '../../src/pki/lab-ca-issue.ts';
import { createCrl, createRootCa, createSubordinateCa, revoke } from '../../src/pki/lab-ca.ts';
import { spkiDer } from '../../src/pki/rsa-keys.ts';
import { createSelfSignedCertificate } from '../../src/pki/self-signed.ts';
import { createLabPki, type LabPki } from './helpers/lab-pki.ts';
import { makeTempDir, opensslOk } from './helpers/openssl.ts';

describe('validateCertificate', () => {
  let pki: LabPki;
  let trust: { trustedRoots: string[]; intermediates: string[] };
  const day = 86_400_000;

  before(async () => {
    pki = await createLabPki();
    trust = { trustedRoots: [pki.root.certificatePem], intermediates: [pki.issuing.certificatePem] };
  });

  it('accepts root -> subordinate -> leaf, reporting the chain', () => {
    const result = validateCertificate(pki.leaf.certificatePem, trust);
    assert.equal(result.status, 'Valid', result.reason);
    assert.equal(result.trusted, true);
    assert.deepEqual(result.chain.map((c) => c.subject), [
      'CN=mail1.contoso.com, DC=Contoso, DC=com',
      'CN=Contoso Issuing CA, DC=Contoso, DC=com',
      'CN=Fabrikam Root CA, O=Fabrikam Trust, C=US',
    ]);
  });

  it('says DateInvalid for an expired or not-yet-valid certificate', async () => {
    const expired = await issueCertificate(pki.issuing, { subject: 'CN=old.contoso.com', keySize: 1024, notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - 30 * day) });
    const result = validateCertificate(expired.certificate, trust);
    assert.equal(result.status, 'DateInvalid');
    assert.match(result.reason, /"CN=old\.contoso\.com" \(thumbprint [0-9A-F]{40}\) expired on /);
    const future = await issueCertificate(pki.issuing, { subject: 'CN=new.contoso.com', keySize: 1024, notBefore: new Date(Date.now() + 30 * day), notAfter: new Date(Date.now() + 60 * day) });
    assert.equal(validateCertificate(future.certificate, trust).status, 'DateInvalid');
    assert.equal(validateCertificate(future.certificate, { ...trust, at: new Date(Date.now() + 31 * day) }).status, 'Valid');
  });

  it('says Untrusted for an unknown root and for a missing intermediate', async () => {
    const otherRoot = await createRootCa({ subject: 'CN=Unknown Root CA', keySize: 1024 });
    const stranger = await issueCertificate(otherRoot, { subject: 'CN=mail.stranger.example', keySize: 1024 });
    const unknownRoot = validateCertificate(stranger.certificate, { trustedRoots: [pki.root.certificatePem], intermediates: [otherRoot.certificatePem] });
    assert.equal(unknownRoot.status, 'Untrusted');
    assert.match(unknownRoot.reason, /ends in the root "CN=Unknown Root CA" .* not a trusted root/);
    const missing = validateCertificate(pki.leaf.certificate, { trustedRoots: [pki.root.certificatePem] });
    assert.equal(missing.status, 'Untrusted');
    assert.match(missing.reason, /No certificate of the issuer "CN=Contoso Issuing CA, DC=Contoso, DC=com"/);
  });

  it('says Revoked for a serial on the issuer\'s CRL', async () => {
    const victim = await issueCertificate(pki.issuing, { subject: 'CN=mail2.mail.contoso.com', keySize: 1024 });
    const crl = createCrl(revoke(pki.issuing, victim.serialNumber, new Date(Date.now() - 60_000), 'KeyCompromise')).crlPem;
    const result = validateCertificate(victim.certificate, { ...trust, crls: [crl] });
    assert.equal(result.status, 'Revoked');
    assert.match(result.reason, /was revoked by "CN=Contoso Issuing CA, DC=Contoso, DC=com" on .*\(reason: KeyCompromise\)/);
    assert.equal(validateCertificate(pki.leaf.certificate, { ...trust, crls: [crl] }).status, 'Valid');
    // Before the revocation date the certificate was still good.
    assert.equal(validateCertificate(victim.certificate, { ...trust, crls: [crl], at: new Date(Date.now() - 120_000) }).status, 'Valid');
  });

  it('requires current CRLs for every issuer when revocation checking is on', () => {
    const issuingCrl = createCrl(pki.issuing).crlPem;
    const rootCrl = createCrl(pki.root).crlPem;
    const options = { ...trust, checkRevocation: true };
    assert.equal(validateCertificate(pki.leaf.certificate, { ...options, crls: [issuingCrl, rootCrl] }).status, 'Valid');
    const missing = validateCertificate(pki.leaf.certificate, { ...options, crls: [issuingCrl] });
    assert.equal(missing.status, 'RevocationCheckFailure');
    assert.match(missing.reason, /No revocation list \(CRL\) from "CN=Fabrikam Root CA, O=Fabrikam Trust, C=US" is available/);
    const stale = validateCertificate(pki.leaf.certificate, { ...options, crls: [issuingCrl, rootCrl], at: new Date(Date.now() + 8 * day) });
    assert.equal(stale.status, 'RevocationCheckFailure');
    assert.match(stale.reason, /expired at .*\(next update\)/);
    assert.equal(validateCertificate(pki.leaf.certificate, { ...trust, crls: [] }).status, 'Valid');
  });

  it('ignores a CRL that names the issuer but is not signed by it', async () => {
    const impostor = await createRootCa({ subject: 'DC=com,DC=Contoso,CN=Contoso Issuing CA', keySize: 1024 });
    const forged = createCrl(revoke(impostor, pki.leaf.serialNumber)).crlPem;
    const result = validateCertificate(pki.leaf.certificate, { ...trust, crls: [forged, createCrl(pki.root).crlPem], checkRevocation: true });
    assert.equal(result.status, 'RevocationCheckFailure');
    assert.match(result.reason, /not signed by its key/);
  });

  it('says Invalid for a broken signature', () => {
    const der = Buffer.from(pki.leaf.certificate.der);
    der[der.length - 3]! ^= 0x55;
    const result = validateCertificate(parseCertificateDer(der), trust);
    assert.equal(result.status, 'Invalid');
    assert.match(result.reason, /does not verify with the key of its issuer "CN=Contoso Issuing CA/);
  });

  it('says Invalid when a non-CA certificate issued the certificate', () => {
    const forged = buildCertificate(
      {
        subject: parseSubjectName('CN=forged.contoso.com'),
        issuer: pki.leaf.certificate.subjectNameDer,
        spki: spkiDer(pki.root.privateKeyPem),
        serialNumber: randomSerialNumber(),
        notBefore: new Date(Date.now() - day),
        notAfter: addDays(new Date(), 30),
        extensions: [],
      },
      pki.leaf.privateKeyPem,
    );
    const result = validateCertificate(forged.pem, { ...trust, intermediates: [...trust.intermediates, pki.leaf.certificatePem] });
    assert.equal(result.status, 'Invalid');
    assert.match(result.reason, /not a CA/);
  });

  it('says Invalid when a path length constraint is exceeded', async () => {
    const tooDeep = await createSubordinateCa(pki.issuing, { subject: 'CN=Too Deep CA', keySize: 1024 });
    const leaf = await issueCertificate(tooDeep, { subject: 'CN=deep.contoso.com', keySize: 1024 });
    const result = validateCertificate(leaf.certificate, { ...trust, intermediates: [...trust.intermediates, tooDeep.certificatePem] });
    assert.equal(result.status, 'Invalid');
    assert.match(result.reason, /pathLenConstraint/);
  });

  it('says Untrusted for a self-signed certificate, unless self-signed certificates are allowed', async () => {
    const self = await createSelfSignedCertificate({ subject: 'CN=edge01.contoso.com', keySize: 1024 });
    assert.equal(validateCertificate(self.certificate, trust).status, 'Untrusted');
    assert.equal(validateCertificate(self.certificate, { allowUntrustedSelfSigned: true }).status, 'Valid');
    assert.equal(validateCertificate(self.certificate, { trustedRoots: [self.certificatePem] }).status, 'Valid');
    assert.equal(validateCertificate(self.certificate, { allowUntrustedSelfSigned: true, at: addDays(new Date(), 400) }).status, 'DateInvalid');
  });

  it('validates a certificate OpenSSL issued for our request against OpenSSL\'s CA', async () => {
    const temp = makeTempDir();
    try {
      const request = await createCertificateRequest({ subject: 'DC=com,DC=Contoso,CN=mail1.contoso.com', domainNames: ['mail.contoso.com'], keySize: 1024 });
      opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', temp.path('ca.key'), '-out', temp.path('ca.pem'), '-subj', '/CN=OpenSSL Root', '-days', '30']);
      opensslOk(['x509', '-req', '-in', temp.write('r.csr', request.csrPem), '-CA', temp.path('ca.pem'), '-CAkey', temp.path('ca.key'), '-CAcreateserial', '-copy_extensions', 'copy', '-days', '10', '-out', temp.path('issued.pem')]);
      const result = validateCertificate(parseCertificate(temp.read('issued.pem')), { trustedRoots: [temp.read('ca.pem').toString()] });
      assert.equal(result.status, 'Valid', result.reason);
    } finally {
      temp.remove();
    }
  });

  it('says Invalid for a chain with an EC key, which forge cannot check', () => {
    const temp = makeTempDir();
    try {
      opensslOk(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', temp.path('ec.key'), '-out', temp.path('ec.pem'), '-subj', '/CN=EC Root', '-days', '10']);
      opensslOk(['req', '-new', '-newkey', 'rsa:1024', '-nodes', '-keyout', temp.path('l.key'), '-out', temp.path('l.csr'), '-subj', '/CN=l.example']);
      opensslOk(['x509', '-req', '-in', temp.path('l.csr'), '-CA', temp.path('ec.pem'), '-CAkey', temp.path('ec.key'), '-CAcreateserial', '-days', '5', '-out', temp.path('l.pem')]);
      const result = validateCertificate(temp.read('l.pem'), { trustedRoots: [temp.read('ec.pem')] });
      assert.equal(result.status, 'Invalid');
      assert.match(result.reason, /EC keys are not supported/);
    } finally {
      temp.remove();
    }
  });
});

