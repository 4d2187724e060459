// OpenSSL interop in both directions: OpenSSL verifies our request (subject, SAN), signs it, and the
// signed certificate completes our pending request; PFX files OpenSSL writes (AES-256 default and
// legacy 3DES) import, with the thumbprint OpenSSL's SHA-1 fingerprint; our exported PFX opens in OpenSSL.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CertificateStore } from '../../../../src/store/certificate-store.ts';
import { openState } from '../../../../src/store/emsh-state.ts';
import { labShell, ok } from '../helpers.ts';

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function certificatesFolder(stateRoot: string): string {
  const folder = join(stateRoot, 'drives', 'C', 'certificates');
  mkdirSync(folder, { recursive: true });
  return folder;
}

function opensslRoot(dir: string): void {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=OpenSSL Test Root', '-days', '30'], dir);
}

function sha1Fingerprint(file: string, dir: string): string {
  return openssl(['x509', '-in', file, '-noout', '-fingerprint', '-sha1'], dir).trim().split('=')[1]!.replace(/:/g, '');
}

const secure = (password: string) => `(ConvertTo-SecureString "${password}" -AsPlainText -Force)`;

describe('OpenSSL interop', () => {
  it('openssl req -verify accepts our request; openssl x509 -req signs it; the import completes the pending request', async (t) => {
    const shell = await labShell(t);
    const dir = certificatesFolder(shell.stateRoot);
    await ok(shell, 'New-ExchangeCertificate -GenerateRequest -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName mail.contoso.com,contoso.com | Out-Null');
    const text = execFileSync('openssl', ['req', '-in', 'request.p7c', '-verify', '-noout', '-text'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(text, /Subject: DC\s?=\s?com, DC\s?=\s?Contoso, CN\s?=\s?mail1\.contoso\.com/);
    assert.match(text, /DNS:mail1\.contoso\.com, DNS:mail\.contoso\.com, DNS:contoso\.com/);
    assert.match(text, /sha256WithRSAEncryption/);
    opensslRoot(dir);
    openssl(['x509', '-req', '-in', 'request.p7c', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'signed.cer', '-days', '30', '-copy_extensions', 'copy'], dir);
    await ok(shell, 'Import-Certificate -FilePath c:\\certificates\\ca.crt -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null');
    const out = await ok(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\signed.cer | Format-List HasPrivateKey,Status,Thumbprint');
    assert.match(out, /HasPrivateKey : True/);
    assert.match(out, /Status\s+: Valid/);
    assert.match(out, new RegExp(`Thumbprint\\s+: ${sha1Fingerprint('signed.cer', dir)}`));
    const store = new CertificateStore(openState({ root: shell.stateRoot, env: {} }), 'mail1');
    assert.equal(store.listRequests().length, 0);
    await ok(shell, `Get-ExchangeCertificate | Enable-ExchangeCertificate -Services SMTP`);
  });

  for (const [name, extra] of [
    ['AES-256 (OpenSSL 3 default)', []],
    ['legacy 3DES', ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']],
  ] as const) {
    it(`imports a PFX made by openssl pkcs12 -export (${name}); thumbprint = OpenSSL SHA-1 fingerprint`, async (t) => {
      const shell = await labShell(t);
      const dir = certificatesFolder(shell.stateRoot);
      opensslRoot(dir);
      openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=mail1.contoso.com'], dir);
      openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '30'], dir);
      openssl(['pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.crt', '-certfile', 'ca.crt', '-out', 'import.pfx', '-passout', 'pass:P@ssw0rd', ...extra], dir);
      await ok(shell, 'Import-Certificate -FilePath c:\\certificates\\ca.crt -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null');
      const thumbprint = (await shell.values(`(Import-ExchangeCertificate -Path c:\\certificates\\import.pfx -Password ${secure('P@ssw0rd')}).Thumbprint`))[0];
      assert.equal(thumbprint, sha1Fingerprint('leaf.crt', dir));
      assert.match(await ok(shell, `Get-ExchangeCertificate ${thumbprint} | Format-List Status,HasPrivateKey`), /Status\s+: Valid\nHasPrivateKey : True/);
    });
  }

  it('our exported PFX opens in OpenSSL with its key; -FileData imports bytes', async (t) => {
    const shell = await labShell(t);
    const dir = certificatesFolder(shell.stateRoot);
    const thumbprint = (await shell.values('(New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -PrivateKeyExportable $true -Services None).Thumbprint'))[0] as string;
    await ok(shell, `Export-ExchangeCertificate -Thumbprint ${thumbprint} -Path c:\\certificates\\export.pfx -BinaryEncoded -Password ${secure('secret')}`);
    const dump = openssl(['pkcs12', '-in', 'export.pfx', '-passin', 'pass:secret', '-nodes'], dir);
    assert.match(dump, /-----BEGIN PRIVATE KEY-----/);
    assert.match(dump, /subject=CN\s?=\s?mail1\.contoso\.com/);
    openssl(['pkcs12', '-in', 'export.pfx', '-passin', 'pass:secret', '-clcerts', '-nokeys', '-out', 'exported.crt'], dir);
    assert.equal(sha1Fingerprint('exported.crt', dir), thumbprint);
    // Onto another server, from bytes.
    await ok(shell, `Import-ExchangeCertificate -Server mail2 -FileData ([System.IO.File]::ReadAllBytes("${join(dir, 'export.pfx')}")) -Password ${secure('secret')} | Out-Null`);
    const mail2 = new CertificateStore(openState({ root: shell.stateRoot, env: {} }), 'mail2');
    assert.equal(mail2.find(thumbprint)?.privateKeyExportable, false);
  });
});
