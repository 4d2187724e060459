import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import tls from 'node:tls';
import { readCertificates } from '../../src/pki/certificate-files.ts';
import { matchesDomain } from '../../src/pki/domain-names.ts';
import { issueCertificate, type IssuedCertificateWithKey } from '../../src/pki/lab-ca-issue.ts';
import { createRootCa } from '../../src/pki/lab-ca.ts';
import { peerCertificateToInfo, tlsMaterial } from '../../src/pki/tls-material.ts';
import { errorWithId } from './helpers/errors.ts';
import { createLabPki, type LabPki } from './helpers/lab-pki.ts';

interface ServerSide {
  authorized: boolean;
  authorizationError: string | undefined;
  peerThumbprint: string;
}

describe('tlsMaterial with Node TLS (mutual authentication on loopback)', () => {
  let pki: LabPki;
  let partner: IssuedCertificateWithKey;
  let server: tls.Server;
  let port: number;
  const seen: ServerSide[] = [];

  before(async () => {
    pki = await createLabPki();
    partner = await issueCertificate(pki.issuing, { subject: 'C=US, O=Woodgrove Bank, CN=mail.woodgrovebank.com', keySize: 1024 });
    const material = tlsMaterial({
      certificate: pki.leaf.certificatePem,
      privateKeyPem: pki.leaf.privateKeyPem,
      chain: pki.leaf.chainPems,
      trustedRoots: [pki.root.certificatePem],
    });
    server = tls.createServer({ ...material, requestCert: true, rejectUnauthorized: false }, (socket) => {
      const peer = socket.getPeerCertificate();
      seen.push({
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
        peerThumbprint: peer.raw ? peerCertificateToInfo(peer.raw).thumbprint : '',
      });
      socket.end('220 ready\r\n');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  async function connect(certificate: IssuedCertificateWithKey): Promise<{ authorized: boolean; serverThumbprint: string; nameOk: boolean }> {
    const material = tlsMaterial({ certificate: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem, chain: certificate.chainPems, trustedRoots: [pki.root.certificatePem] });
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'mail1.contoso.com', ...material, checkServerIdentity: () => undefined });
    await once(socket, 'secureConnect');
    const info = peerCertificateToInfo(socket.getPeerCertificate().raw);
    const result = { authorized: socket.authorized, serverThumbprint: info.thumbprint, nameOk: matchesDomain(info, 'mail.contoso.com') };
    socket.on('data', () => undefined);
    await once(socket, 'end');
    socket.destroy();
    return result;
  }

  it('sends the certificate followed by its intermediate, not the root', () => {
    const material = tlsMaterial({ certificate: pki.leaf.certificatePem, privateKeyPem: pki.leaf.privateKeyPem, chain: [pki.root.certificatePem, pki.issuing.certificatePem] });
    assert.deepEqual(readCertificates(material.cert).map((c) => c.subject), ['CN=mail1.contoso.com, DC=Contoso, DC=com', 'CN=Contoso Issuing CA, DC=Contoso, DC=com']);
    assert.equal(material.ca, undefined);
    assert.match(material.key, /^-----BEGIN PRIVATE KEY-----/);
  });

  it('authenticates both ends, and each side reads the other\'s certificate', async () => {
    const client = await connect(partner);
    assert.equal(client.authorized, true);
    assert.equal(client.serverThumbprint, pki.leaf.certificate.thumbprint);
    assert.equal(client.nameOk, true);
    const last = seen.at(-1)!;
    assert.equal(last.authorized, true, last.authorizationError);
    assert.equal(last.peerThumbprint, partner.certificate.thumbprint);
  });

  it('lets the server see that a client certificate from an unknown root is not trusted', async () => {
    const strangerRoot = await createRootCa({ subject: 'CN=Stranger Root', keySize: 1024 });
    const stranger = await issueCertificate(strangerRoot, { subject: 'CN=mail.stranger.example', keySize: 1024 });
    await connect(stranger);
    const last = seen.at(-1)!;
    assert.equal(last.authorized, false);
    assert.match(last.authorizationError ?? '', /^UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT)/);
    assert.equal(last.peerThumbprint, stranger.certificate.thumbprint);
  });

  it('refuses a key that does not belong to the certificate', () => {
    assert.throws(() => tlsMaterial({ certificate: pki.leaf.certificatePem, privateKeyPem: partner.privateKeyPem }), errorWithId('KeyCertificateMismatch'));
  });
});
