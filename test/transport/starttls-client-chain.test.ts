// The receive side reads the client's leaf cheaply and its chain (getPeerX509Certificate()) only
// when a validator asks: the intermediates a partner sends must still reach the validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { connect, createSecureContext } from 'node:tls';
import { createNodePeerValidator } from '../../src/transport/node-peer-validator.ts';
import { clientCertificates, peerCertificateSummary, upgradeServerSocket } from '../../src/transport/starttls.ts';
import { labCertificates } from './helpers/certificates.ts';

/** Root CA -> intermediate CA -> mail.woodgrovebank.com, made with the openssl command line. */
function chainWithIntermediate(): { rootPem: string; intermediatePem: string; leafPem: string; leafKeyPem: string } {
  const dir = mkdtempSync(join(tmpdir(), 'emsh-client-chain-'));
  const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.crt', '-subj', '/CN=Chain Test Root', '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    writeFileSync(join(dir, 'leaf.ext'), 'basicConstraints=critical,CA:FALSE\nextendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=DNS:mail.woodgrovebank.com,DNS:woodgrovebank.com\n');
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Chain Test Intermediate']);
    run(['x509', '-req', '-in', 'int.csr', '-CA', 'root.crt', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'int.crt', '-days', '30', '-extfile', 'ca.ext']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=mail.woodgrovebank.com']);
    run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'int.crt', '-CAkey', 'int.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '30', '-extfile', 'leaf.ext']);
    const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
    return { rootPem: read('root.crt'), intermediatePem: read('int.crt'), leafPem: read('leaf.crt'), leafKeyPem: read('leaf.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One TLS session: the server upgrades the raw socket as a receive connector does and reads the chain. */
interface SeenByServer {
  subjects: string[];
  der: Buffer[];
  leaf: Buffer | undefined;
  fingerprint256: string | undefined;
  /** The chain asked for a second time in the same session. */
  again: Buffer[];
}

async function chainSeenByServer(client: { cert?: string; key?: string }): Promise<SeenByServer> {
  const contoso = labCertificates().contoso;
  const secureContext = createSecureContext({ key: contoso.keyPem, cert: contoso.certPem });
  const seen = new Promise<SeenByServer>((resolve, reject) => {
    const server = createServer((raw) => {
      const { socket, secure } = upgradeServerSocket(raw, { secureContext, requestCert: true, handshakeTimeoutMs: 10_000 });
      secure.then(() => {
        const presented = clientCertificates(socket);
        const der = presented.chain();
        const subjects = der.map((certificate) => new X509Certificate(certificate).subject);
        resolve({ subjects, der, leaf: presented.leaf, fingerprint256: presented.fingerprint256, again: presented.chain() });
        socket.end();
        server.close();
      }, reject);
    });
    server.listen(0, '127.0.0.1', () => {
      const tls = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, rejectUnauthorized: false, ...client });
      tls.on('error', () => undefined);
      tls.on('data', () => undefined);
    });
  });
  return seen;
}

test('the intermediates a client sends reach the validator, leaf first', async () => {
  const pki = chainWithIntermediate();
  const { subjects, der, leaf, fingerprint256, again } = await chainSeenByServer({ cert: pki.leafPem + pki.intermediatePem, key: pki.leafKeyPem });
  assert.deepEqual(subjects, ['CN=mail.woodgrovebank.com', 'CN=Chain Test Intermediate'], 'reading the leaf first leaves the intermediates to the chain');
  assert.ok(leaf?.equals(der[0]!), 'the cheap leaf is the chain\'s first certificate');
  assert.equal(fingerprint256, new X509Certificate(pki.leafPem).fingerprint256);
  assert.equal(again.length, 2, 'the chain is kept: a second getPeerX509Certificate() would lose the intermediates');
  assert.equal(peerCertificateSummary(leaf!, fingerprint256!).subject, 'CN=mail.woodgrovebank.com');
  const validate = createNodePeerValidator({ trustedCaPems: [pki.rootPem] });
  assert.equal((await validate(der, 'woodgrovebank.com')).status, 'Valid');
  const fresh = createNodePeerValidator({ trustedCaPems: [pki.rootPem] });
  assert.equal((await fresh(der.slice(0, 1), 'woodgrovebank.com')).status, 'Untrusted', 'without the intermediate there is no path');
  assert.equal((await validate(der.slice(0, 1), 'woodgrovebank.com')).status, 'Valid', 'a leaf once shown to chain to the root is remembered as such');
});

test('a client without a certificate gives an empty chain', async () => {
  const { subjects, leaf, fingerprint256 } = await chainSeenByServer({});
  assert.deepEqual([subjects, leaf, fingerprint256], [[], undefined, undefined]);
});
