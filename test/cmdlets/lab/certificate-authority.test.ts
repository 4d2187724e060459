// The lab certificate authority: root and subordinate CAs (the chain validates against the root
// only), a request's SAN honoured, a partner PFX, trust on every server, CA keys only in the key store.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CertificateStore } from '../../../src/store/certificate-store.ts';
import { openState } from '../../../src/store/emsh-state.ts';
import { labShell, ok } from '../exchange/helpers.ts';

describe('lab certificate authority', () => {
  it('a root is trusted on every server; its state keeps no private key', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
    const state = openState({ root: shell.stateRoot, env: {} });
    for (const server of ['hub1', 'mail1', 'mail2']) {
      assert.equal(new CertificateStore(state, server).listTrustedRoots().length, 1, server);
    }
    const documents = JSON.stringify(new CertificateStore(state, 'mail1').loadLabCa('ContosoRoot'));
    assert.doesNotMatch(documents, /PRIVATE KEY/);
    const { err } = await shell.run('New-LabCertificateAuthority -Name ContosoRoot');
    assert.match(err, /already exists/);
  });

  it('a subordinate CA issues from a request; the chain goes to the root; OpenSSL verifies it', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot -CertificatePath c:\\certificates\\root.cer | Out-Null');
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoIssuing -Parent ContosoRoot | Out-Null');
    await ok(shell, 'New-ExchangeCertificate -GenerateRequest -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName mail.contoso.com | Out-Null');
    const issued = await ok(shell, 'Approve-LabCertificateRequest -Path c:\\certificates\\request.p7c -OutPath c:\\certificates\\issued.p7b -CertificateAuthority ContosoIssuing -IncludeChain | Format-List Issuer,ChainLength');
    assert.match(issued, /Issuer\s+: CN=ContosoIssuing\nChainLength : 2/);
    const dir = join(shell.stateRoot, 'drives', 'C', 'certificates');
    const text = execFileSync('openssl', ['x509', '-in', 'issued.p7b', '-noout', '-ext', 'subjectAltName'], { cwd: dir, encoding: 'utf8' });
    assert.match(text, /DNS:mail1\.contoso\.com, DNS:mail\.contoso\.com/);
    const out = await ok(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\issued.p7b | Format-List Status,RootCAType,HasPrivateKey');
    assert.match(out, /Status\s+: Valid\nRootCAType\s+: ThirdParty\nHasPrivateKey : True/);
    const pem = readFileSync(join(dir, 'issued.p7b'), 'utf8');
    assert.equal(pem.match(/BEGIN CERTIFICATE/g)?.length, 3);
  });

  it('a partner PFX, revocation and a CRL OpenSSL reads', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ThirdPartyRoot | Out-Null');
    await ok(shell, 'New-LabCertificate -SubjectName "CN=mail.woodgrovebank.com" -DomainName woodgrovebank.com -Path c:\\certificates\\woodgrove.pfx -Password (ConvertTo-SecureString "pw" -AsPlainText -Force) | Revoke-LabCertificate');
    const crl = await ok(shell, 'New-LabCertificateRevocationList -OutPath c:\\certificates\\root.crl | Format-List Issuer,RevokedCount');
    assert.match(crl, /Issuer\s+: CN=ThirdPartyRoot\nRevokedCount : 1/);
    const dir = join(shell.stateRoot, 'drives', 'C', 'certificates');
    assert.match(execFileSync('openssl', ['crl', '-in', 'root.crl', '-noout', '-text'], { cwd: dir, encoding: 'utf8' }), /Serial Number:/);
    const dump = execFileSync('openssl', ['pkcs12', '-in', 'woodgrove.pfx', '-passin', 'pass:pw', '-nokeys'], { cwd: dir, encoding: 'utf8' });
    assert.match(dump, /subject=CN\s?=\s?mail\.woodgrovebank\.com/);
  });

  it('no CA yet: a clear error', async (t) => {
    const shell = await labShell(t);
    const { err } = await shell.run('New-LabCertificate -SubjectName "CN=x.contoso.com" -Path c:\\certificates\\x.pfx');
    assert.match(err, /There is no lab certificate authority; create one with New-LabCertificateAuthority\./);
  });
});
