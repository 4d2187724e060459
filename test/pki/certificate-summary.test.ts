import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { parseCertificate } from '../../src/pki/certificate-info.ts';
import { summarizePeerCertificate, summarizeX509 } from '../../src/pki/certificate-summary.ts';
import { makeTempDir, opensslOk } from './helpers/openssl.ts';

function opensslCertificate(subject: string, serial: string, san: string): string {
  const dir = makeTempDir();
  try {
    opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', dir.path('k.pem'), '-out', dir.path('c.pem'), '-days', '2',
      '-subj', subject, '-set_serial', serial, '-addext', `subjectAltName=${san}`]);
    return dir.read('c.pem').toString('utf8');
  } finally {
    dir.remove();
  }
}

test('summarizeX509() gives the same Windows forms as parseCertificate(), escapes and high-bit serials included', () => {
  const pem = opensslCertificate('/C=US/ST=WA/O=Contoso, Inc/emailAddress=admin@contoso.com/CN=mail.contoso.com', '0x80AB', 'DNS:mail.contoso.com,DNS:contoso.com,IP:10.0.0.1');
  const full = parseCertificate(pem);
  const summary = summarizeX509(new X509Certificate(pem));
  assert.deepEqual(summary, {
    subject: full.subject,
    issuer: full.issuer,
    serialNumber: full.serialNumber,
    thumbprint: full.thumbprint,
    dnsNames: full.dnsNames,
    commonName: full.commonName,
  });
  assert.equal(summary.subject, 'CN=mail.contoso.com, E=admin@contoso.com, O="Contoso, Inc", S=WA, C=US');
  assert.equal(summary.serialNumber, '0080AB');
  assert.deepEqual(summary.dnsNames, ['mail.contoso.com', 'contoso.com']);
});

test('summarizePeerCertificate() reads the object getPeerCertificate() returns', () => {
  const summary = summarizePeerCertificate({
    subject: { C: 'US', O: 'Woodgrove', CN: 'mail.woodgrovebank.com' },
    issuer: { CN: 'Lab CA' },
    serialNumber: '0a1b',
    fingerprint: 'AB:CD:EF',
    subjectaltname: 'DNS:mail.woodgrovebank.com, DNS:"odd,name.com", IP Address:10.0.0.1',
  } as never);
  assert.deepEqual(summary, {
    subject: 'CN=mail.woodgrovebank.com, O=Woodgrove, C=US',
    issuer: 'CN=Lab CA',
    serialNumber: '0A1B',
    thumbprint: 'ABCDEF',
    dnsNames: ['mail.woodgrovebank.com', 'odd,name.com'],
    commonName: 'mail.woodgrovebank.com',
  });
});
