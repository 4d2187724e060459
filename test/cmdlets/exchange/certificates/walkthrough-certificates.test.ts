// Steps 1 and 2 of the walkthrough, verbatim, against a real certificate store: the request for
// mail1.contoso.com, the lab CA issuing it (the issued certificate completes the pending request on
// its key), the PFX moved to the Edge (c:\certificates\import.pfx), imported and enabled for SMTP in
// one pipeline and in the two-step form with the Thumbprint copied from `Get-ExchangeCertificate |FL`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CertificateStore } from '../../../../src/store/certificate-store.ts';
import { openState } from '../../../../src/store/emsh-state.ts';
import { labShell, ok } from '../helpers.ts';

const STEP1 =
  'New-ExchangeCertificate -GenerateRequest -FriendlyName "Internet certificate" -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com"  -DomainName mail.contoso.com';
const STEP2_PIPELINE = 'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx | Enable-ExchangeCertificate -Services SMTP';
const MAKE_PFX = 'New-LabCertificate -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName mail.contoso.com -Path c:\\certificates\\import.pfx | Out-Null';

function store(stateRoot: string, server = 'mail1'): CertificateStore {
  return new CertificateStore(openState({ root: stateRoot, env: {} }), server);
}

describe('walkthrough steps 1 and 2', () => {
  it('step 1: the request file, the pending request, and the CA completing it', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
    const out = await ok(shell, STEP1);
    assert.match(out, /^-----BEGIN NEW CERTIFICATE REQUEST-----\r?\n/);
    const file = readFileSync(join(shell.stateRoot, 'drives', 'C', 'certificates', 'request.p7c'), 'utf8');
    assert.match(file, /^-----BEGIN NEW CERTIFICATE REQUEST-----\r\n[A-Za-z0-9+/=\r\n]+-----END NEW CERTIFICATE REQUEST-----\r\n$/);
    const fl = await ok(shell, 'Get-ExchangeCertificate | Format-List Status,RootCAType,IsSelfSigned,CertificateDomains,Subject');
    assert.match(fl, /Status\s+: PendingRequest/);
    assert.match(fl, /RootCAType\s+: Unknown/);
    assert.match(fl, /CertificateDomains : \{mail1\.contoso\.com, mail\.contoso\.com\}/);
    assert.match(fl, /Subject\s+: CN=mail1\.contoso\.com, DC=Contoso, DC=com/);
    const pending = store(shell.stateRoot).listRequests();
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.friendlyName, 'Internet certificate');

    await ok(shell, 'Approve-LabCertificateRequest -Path c:\\certificates\\request.p7c -OutPath c:\\certificates\\issued.cer | Out-Null');
    const imported = await ok(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\issued.cer | Format-List HasPrivateKey,Status,RootCAType,PrivateKeyExportable,CertificateDomains');
    assert.match(imported, /HasPrivateKey\s+: True/);
    assert.match(imported, /Status\s+: Valid/);
    assert.match(imported, /RootCAType\s+: ThirdParty/);
    assert.match(imported, /PrivateKeyExportable\s+: False/);
    assert.match(imported, /CertificateDomains\s+: \{mail1\.contoso\.com, mail\.contoso\.com\}/);
    const s = store(shell.stateRoot);
    assert.equal(s.listRequests().length, 0, 'the request was completed');
    assert.equal(s.list()[0]!.keyId, pending[0]!.keyId, 'bound to the pending key');
    assert.equal(s.list()[0]!.friendlyName, 'Internet certificate');
  });

  it('step 2: Import | Enable in one pipeline, then Get-ExchangeCertificate |FL and Enable -Thumbprint', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
    await ok(shell, `${STEP1} | Out-Null`);
    await ok(shell, MAKE_PFX);
    assert.equal(await ok(shell, STEP2_PIPELINE), '');
    const fl = await ok(shell, 'Get-ExchangeCertificate |FL');
    const first = fl.split(/\n\s*\n/).find((block) => block.includes('Services           : SMTP'));
    assert.ok(first, fl);
    const labels = [...first.matchAll(/^(\w+)\s*:/gm)].map((m) => m[1]);
    assert.deepEqual(labels, [
      'AccessRules', 'CertificateDomains', 'HasPrivateKey', 'IsSelfSigned', 'Issuer', 'NotAfter', 'NotBefore',
      'PublicKeySize', 'RootCAType', 'SerialNumber', 'Services', 'Status', 'Subject', 'Thumbprint',
    ]);
    assert.match(first, /Status\s+: Valid/);
    const thumbprint = /Thumbprint\s+: ([0-9A-F]{40})/.exec(first)![1]!;
    const s = store(shell.stateRoot);
    assert.equal(s.getDefaultSmtpCertificate()?.thumbprint, thumbprint);
    assert.equal(s.find(thumbprint)?.privateKeyExportable, false, 'a key from a PFX is never exportable');

    // The two-step form, on the other Edge server (one certificate may serve all Edge servers).
    process.env.EMSH_SERVER = 'mail2';
    try {
      await ok(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx | Out-Null');
      const table = await ok(shell, 'Get-ExchangeCertificate');
      assert.match(table, new RegExp(`^${thumbprint}  \\.\\.\\.\\.\\.      CN=mail1\\.contoso\\.com, DC=Contoso, DC=com`, 'm'));
      await ok(shell, `Enable-ExchangeCertificate -Thumbprint ${thumbprint} -Services SMTP`);
      assert.match(await ok(shell, 'Get-ExchangeCertificate'), new RegExp(`^${thumbprint}  \\.\\.\\.\\.S`, 'm'));
      assert.equal(store(shell.stateRoot, 'mail2').getDefaultSmtpCertificate()?.thumbprint, thumbprint);
    } finally {
      delete process.env.EMSH_SERVER;
    }
    // The walkthrough's literal thumbprint is not in this store.
    const { err } = await shell.run('Enable-ExchangeCertificate -Thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 -Services SMTP');
    assert.match(err, /The certificate with thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 was not found\./);
  });

  it('replacing the default SMTP certificate asks; refused without a prompt unless -Force', async (t) => {
    const shell = await labShell(t);
    const first = (await shell.values('(New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services SMTP).Thumbprint'))[0] as string;
    const second = (await shell.values('(New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services None).Thumbprint'))[0] as string;
    const { err } = await shell.run(`Enable-ExchangeCertificate ${second} -Services SMTP`);
    assert.match(err, /Overwrite the existing default SMTP certificate\?/);
    assert.match(err, new RegExp(`Current certificate: '${first}'`));
    assert.equal(store(shell.stateRoot).getDefaultSmtpCertificate()?.thumbprint, first);
    await ok(shell, `Enable-ExchangeCertificate ${second} -Services SMTP -Force`);
    assert.equal(store(shell.stateRoot).getDefaultSmtpCertificate()?.thumbprint, second);
  });

  it('answers the overwrite prompt in an interactive session', async (t) => {
    const { exchangeShell } = await import('../helpers.ts');
    const shell = exchangeShell(t, { answers: ['N'] });
    await ok(shell, 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null');
    const first = (await shell.values('(New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services SMTP).Thumbprint'))[0] as string;
    const second = (await shell.values('(New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services None).Thumbprint'))[0] as string;
    await ok(shell, `Enable-ExchangeCertificate ${second} -Services SMTP`);
    assert.match(shell.host.out + shell.host.err, /Replace it with certificate: '[0-9A-F]{40}'/);
    assert.equal(store(shell.stateRoot).getDefaultSmtpCertificate()?.thumbprint, first, 'No keeps the old default');
    assert.equal(store(shell.stateRoot).find(second)?.services, 16, 'but SMTP is added');
  });
});

describe('-WhatIf', () => {
  it('Remove-ExchangeCertificate -WhatIf and Enable-ExchangeCertificate -WhatIf change nothing', async (t) => {
    const shell = await labShell(t);
    const thumbprint = (await shell.values('(New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services None).Thumbprint'))[0] as string;
    const removed = await ok(shell, `Remove-ExchangeCertificate ${thumbprint} -WhatIf`);
    assert.match(removed, new RegExp(`What if: Remove certificate with thumbprint ${thumbprint} from the computer's certificate store\\?`));
    const enabled = await ok(shell, `Enable-ExchangeCertificate ${thumbprint} -Services SMTP -WhatIf`);
    assert.match(enabled, new RegExp(`What if: Enable certificate with thumbprint ${thumbprint}\\?`));
    assert.equal(store(shell.stateRoot).find(thumbprint)?.services, 0);
  });
});
