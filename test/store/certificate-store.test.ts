import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { CertificateStore } from '../../src/store/certificate-store.ts';
import { parseServices, SERVICES, servicesToString } from '../../src/store/certificate-records.ts';
import { openServerContext } from '../../src/store/server-context.ts';
import { newServer } from '../../src/store/servers.ts';
import { makeCertificate } from './fixtures/certificates.ts';
import { assertStoreError, openTestState, snapshotFolder } from './helpers.ts';

const mail1Cert = makeCertificate('mail1.contoso.com');
const otherCert = makeCertificate('mail.contoso.com');

async function openStore(t: Parameters<typeof openTestState>[0]) {
  const state = await openTestState(t);
  return { state, store: CertificateStore.of(openServerContext(state, undefined, {})) };
}

test('the thumbprint is the SHA-1 of the certificate and lookups ignore case and spaces', async (t) => {
  const { store } = await openStore(t);
  const { certificate } = store.importCertificate({ certificatePem: mail1Cert.certificatePem, certificateDomains: ['mail1.contoso.com'] });
  assert.equal(certificate.thumbprint, new X509Certificate(mail1Cert.certificatePem).fingerprint.replace(/:/g, ''));
  const spaced = certificate.thumbprint.toLowerCase().replace(/(.{4})/g, '$1 ');
  assert.deepEqual(store.get(spaced), certificate);
  await assertStoreError(
    () => store.get('AB493A0C9A6C0327162FE04EF74609CB8FB7FE24'),
    'The certificate with thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 was not found.',
    'CertificateNotFound',
  );
  await assertStoreError(
    () => store.importCertificate({ certificatePem: mail1Cert.certificatePem }),
    `Cannot import certificate. A certificate with the thumbprint ${certificate.thumbprint} already exists.`,
    'ImportCertificateAlreadyExists',
  );
  await assertStoreError(() => store.importCertificate({ certificatePem: 'garbage' }), 'The source data is corrupted or not properly Base64 encoded.');
});

test('importing the issued certificate completes the pending request and binds its key', async (t) => {
  const { state, store } = await openStore(t);
  const keyId = state.keys.saveKey(mail1Cert.keyPem, { exportable: true });
  const request = store.addRequest({
    subject: 'DC=com, DC=Contoso, CN=mail1.contoso.com',
    domainNames: ['mail.contoso.com'],
    friendlyName: 'Internet certificate',
    keyId,
    privateKeyExportable: true,
    requestPem: mail1Cert.requestPem,
    publicKeyFingerprint: 'sha256:ABCDEF',
  });
  assert.match(request.id, /^[0-9A-F]{40}$/);
  assert.deepEqual(store.findRequestByPublicKey('SHA256:abcdef'), request);
  const { certificate, completedRequest } = store.importCertificate({ certificatePem: mail1Cert.certificatePem, publicKeyFingerprint: 'sha256:abcdef' });
  assert.equal(completedRequest?.id, request.id);
  assert.equal(certificate.keyId, keyId);
  assert.equal(certificate.privateKeyExportable, true);
  assert.equal(certificate.friendlyName, 'Internet certificate');
  assert.deepEqual(certificate.certificateDomains, ['mail.contoso.com']);
  assert.deepEqual(store.listRequests(), []);
  assert.ok(state.keys.hasKey(keyId), 'the key now belongs to the certificate');
});

test('a PFX import keeps its own non-exportable key and retires the request\'s copy', async (t) => {
  const { state, store } = await openStore(t);
  const requestKey = state.keys.saveKey(mail1Cert.keyPem, { exportable: true });
  store.addRequest({ subject: 'CN=mail1.contoso.com', domainNames: [], friendlyName: 'x', keyId: requestKey, privateKeyExportable: true, requestPem: mail1Cert.requestPem, publicKeyFingerprint: 'fp1' });
  const pfxKey = state.keys.saveKey(mail1Cert.keyPem, { exportable: false });
  const { certificate, completedRequest } = store.importCertificate({ certificatePem: mail1Cert.certificatePem, keyId: pfxKey, publicKeyFingerprint: 'fp1' });
  assert.ok(completedRequest);
  assert.equal(certificate.keyId, pfxKey);
  assert.equal(certificate.privateKeyExportable, false);
  assert.equal(state.keys.hasKey(requestKey), false, 'the request key was deleted');
  await assertStoreError(() => store.importCertificate({ certificatePem: otherCert.certificatePem, keyId: '0'.repeat(32) }), /private key '0{32}' was not found/, 'PrivateKeyNotFound');
});

test('Enable-ExchangeCertificate -Services SMTP: additive flags and the default SMTP certificate', async (t) => {
  const { state, store } = await openStore(t);
  const first = store.importCertificate({ certificatePem: mail1Cert.certificatePem, keyId: state.keys.saveKey(mail1Cert.keyPem, { exportable: false }) }).certificate;
  const second = store.importCertificate({ certificatePem: otherCert.certificatePem, keyId: state.keys.saveKey(otherCert.keyPem, { exportable: false }) }).certificate;
  store.enableServices(first.thumbprint, SERVICES.IIS);
  const enabled = store.enableServices(first.thumbprint, SERVICES.SMTP);
  assert.equal(enabled.certificate.services, SERVICES.IIS | SERVICES.SMTP);
  assert.equal(servicesToString(enabled.certificate.services), 'IIS, SMTP');
  assert.equal(enabled.isDefaultSmtp, true, 'the first SMTP certificate becomes the default');
  assert.equal(enabled.previousDefaultSmtp, undefined);
  const declined = store.enableServices(second.thumbprint, SERVICES.SMTP, { makeDefaultSmtp: false });
  assert.equal(declined.isDefaultSmtp, false);
  assert.equal(declined.previousDefaultSmtp?.thumbprint, first.thumbprint);
  assert.equal(store.getDefaultSmtpCertificate()?.thumbprint, first.thumbprint);
  const replaced = store.enableServices(second.thumbprint, SERVICES.SMTP);
  assert.equal(replaced.isDefaultSmtp, true);
  assert.equal(store.getDefaultSmtpCertificate()?.thumbprint, second.thumbprint);
  assert.equal(store.get(first.thumbprint).services, SERVICES.IIS | SERVICES.SMTP, 'services are never removed');
});

test('a certificate without a private key cannot be enabled', async (t) => {
  const { store } = await openStore(t);
  const { certificate } = store.importCertificate({ certificatePem: mail1Cert.certificatePem });
  await assertStoreError(
    () => store.enableServices(certificate.thumbprint, SERVICES.SMTP),
    `The certificate with thumbprint ${certificate.thumbprint} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
    'CertificateNotValidForExchange',
  );
});

test('Remove-ExchangeCertificate refuses the default SMTP certificate and deletes an unused key', async (t) => {
  const { state, store } = await openStore(t);
  const keyA = state.keys.saveKey(mail1Cert.keyPem, { exportable: false });
  const keyB = state.keys.saveKey(otherCert.keyPem, { exportable: false });
  const a = store.importCertificate({ certificatePem: mail1Cert.certificatePem, keyId: keyA }).certificate;
  const b = store.importCertificate({ certificatePem: otherCert.certificatePem, keyId: keyB }).certificate;
  store.enableServices(a.thumbprint, SERVICES.SMTP);
  await assertStoreError(() => store.removeCertificate(a.thumbprint), /^The internal transport certificate cannot be removed/, 'CannotRemoveInternalTransportCertificate');
  assert.equal(store.removeCertificate(b.thumbprint).thumbprint, b.thumbprint);
  assert.equal(state.keys.hasKey(keyB), false);
  assert.equal(state.keys.hasKey(keyA), true);
  await assertStoreError(() => store.removeCertificate(b.thumbprint), /was not found/);
});

test('-DomainName queries: exact names and one-label wildcards', async (t) => {
  const { store } = await openStore(t);
  store.importCertificate({ certificatePem: mail1Cert.certificatePem, certificateDomains: ['mail1.contoso.com', 'mail.contoso.com'] });
  store.importCertificate({ certificatePem: otherCert.certificatePem, certificateDomains: ['*.contoso.com'] });
  assert.equal(store.findByDomain('MAIL.contoso.com').length, 2);
  assert.equal(store.findByDomain('mail1.contoso.com').length, 2);
  assert.equal(store.findByDomain('a.b.contoso.com').length, 0);
  assert.equal(store.findByDomain('contoso.com').length, 0);
});

test('trusted roots, CRLs and lab CA state', async (t) => {
  const { store } = await openStore(t);
  const root = store.addTrustedRoot(mail1Cert.certificatePem);
  assert.equal(root.rootCaType, 'ThirdParty');
  assert.deepEqual(store.addTrustedRoot(mail1Cert.certificatePem, 'Registry'), root, 'adding twice keeps one');
  assert.equal(store.findTrustedRoot(root.thumbprint.toLowerCase())?.thumbprint, root.thumbprint);
  store.importCrl({ issuer: 'CN=Contoso Root CA', crlPem: '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----', nextUpdate: '2030-01-01T00:00:00Z' });
  store.importCrl({ issuer: 'cn=contoso root ca', crlPem: '-----BEGIN X509 CRL-----\nBBBB\n-----END X509 CRL-----' });
  assert.equal(store.listCrls().length, 1, 'a newer CRL of the same issuer replaces the old one');
  assert.match(store.findCrl('CN=Contoso Root CA')!.crlPem, /BBBB/);
  store.saveLabCa('Contoso Root CA', { keyId: 'abc', serial: 7, certificatePem: root.certificatePem });
  assert.deepEqual(store.loadLabCa('contoso root ca'), { keyId: 'abc', serial: 7, certificatePem: root.certificatePem });
  assert.deepEqual(store.listLabCas(), ['contoso root ca']);
  await assertStoreError(() => store.saveLabCa('Leaky', { key: mail1Cert.keyPem }), /Private key material can't be stored/, 'PrivateKeyInDocument');
  assert.equal(store.removeTrustedRoot(root.thumbprint).thumbprint, root.thumbprint);
  assert.deepEqual(store.listTrustedRoots(), []);
});

test('each server has its own store, and no document ever holds a private key', async (t) => {
  const state = await openTestState(t);
  state.documents.transaction((tx) => newServer(tx, { name: 'mail2.mail.contoso.com', role: 'Edge' }));
  const mail1 = CertificateStore.of(openServerContext(state, 'mail1', {}));
  const mail2 = CertificateStore.of(openServerContext(state, 'mail2', {}));
  mail1.importCertificate({ certificatePem: mail1Cert.certificatePem, keyId: state.keys.saveKey(mail1Cert.keyPem, { exportable: false }) });
  assert.equal(mail1.list().length, 1);
  assert.equal(mail2.list().length, 0);
  assert.ok(fs.existsSync(path.join(state.root, 'servers', 'mail1', 'certificates.json')));
  for (const [file, text] of Object.entries(snapshotFolder(state.root))) {
    if (!file.startsWith('keys' + path.sep)) assert.doesNotMatch(text, /PRIVATE KEY/, file);
  }
});

test('services parse and print like AllowedServices', async () => {
  assert.equal(parseServices('SMTP'), 16);
  assert.equal(parseServices('imap, pop, smtp'), 19);
  assert.equal(parseServices(['IIS', 'SMTP']), 24);
  assert.equal(servicesToString(0), 'None');
  await assertStoreError(() => parseServices('FTP'), /"FTP" isn't a service/, 'InvalidAllowedServices');
});
