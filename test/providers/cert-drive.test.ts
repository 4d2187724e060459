// The Cert: drive over the server's certificate store: the locations and stores, the trusted roots and
// the Exchange certificates as X509Certificate2 items with PowerShell's grouped Thumbprint/Subject
// table, Set-Location into a store, Test-Path, Remove-Item (-WhatIf, the store's own refusals), and
// PowerShell's PathNotFound text for a store that does not exist.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PSObject } from '../../src/runtime/values.ts';
import { trimBlankLines } from '../helpers/run.ts';
import { exchangeShell, labShell, lastError, ok } from '../cmdlets/exchange/helpers.ts';

const ROOT_PARENT = 'Microsoft.PowerShell.Security\\Certificate::LocalMachine\\Root';

async function rootThumbprint(shell: Awaited<ReturnType<typeof labShell>>): Promise<string> {
  await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
  const [root] = (await shell.values('Get-ChildItem Cert:\\LocalMachine\\Root')) as PSObject[];
  return String(root.getProperty('Thumbprint'));
}

describe('Cert: drive', () => {
  it('lists the store locations and the stores of LocalMachine', async (t) => {
    const shell = await labShell(t);
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\ | ForEach-Object Location'), ['CurrentUser', 'LocalMachine']);
    assert.equal(trimBlankLines(await ok(shell, 'Get-ChildItem Cert:\\LocalMachine')), 'Name : CA\n\nName : My\n\nName : Root');
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\CurrentUser\\My'), []);
  });

  it('shows the trusted roots under their PSParentPath with the Thumbprint/Subject table', async (t) => {
    const shell = await labShell(t);
    const thumbprint = await rootThumbprint(shell);
    const out = await ok(shell, 'Get-ChildItem Cert:\\LocalMachine\\Root');
    assert.equal(
      trimBlankLines(out),
      [`   PSParentPath: ${ROOT_PARENT}`, '', 'Thumbprint                                Subject', '----------                                -------', `${thumbprint}  CN=ContosoRoot`].join('\n'),
    );
    const [item] = (await shell.values(`Get-Item Cert:\\localmachine\\root\\${thumbprint.toLowerCase()}`)) as PSObject[];
    assert.deepEqual(item.typeNames.slice(0, 1), ['System.Security.Cryptography.X509Certificates.X509Certificate2']);
    assert.equal(item.getProperty('PSPath'), `${ROOT_PARENT}\\${thumbprint}`);
    assert.equal(item.getProperty('PSParentPath'), ROOT_PARENT);
    assert.equal(item.getProperty('Issuer'), 'CN=ContosoRoot');
    assert.equal(item.getProperty('HasPrivateKey'), false);
    assert.ok(item.getProperty('NotAfter') instanceof Date);
    assert.equal(await ok(shell, `(Get-ChildItem Cert:\\LocalMachine\\Root\\${thumbprint}).Subject`), 'CN=ContosoRoot\n');
  });

  it('lists the Exchange certificates in My with HasPrivateKey and DnsNameList, and finds them with -Recurse', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-ExchangeCertificate -DomainName mail1.contoso.com, mail.contoso.com -Services SMTP -Force | Out-Null');
    const [mine] = (await shell.values('Get-ChildItem Cert:\\LocalMachine\\My')) as PSObject[];
    assert.equal(mine.getProperty('HasPrivateKey'), true);
    assert.deepEqual(mine.getProperty('DnsNameList'), ['mail1.contoso.com', 'mail.contoso.com']);
    const thumbprint = String(mine.getProperty('Thumbprint'));
    assert.equal(await ok(shell, `(Get-ExchangeCertificate).Thumbprint -eq '${thumbprint}'`), 'True\n');
    assert.equal(await ok(shell, `@(Get-ChildItem Cert:\\ -Recurse | Where-Object Thumbprint -eq '${thumbprint}').Count`), '1\n');
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\LocalMachine -Recurse -Name'), ['CA', 'My', 'Root', `My\\${thumbprint}`]);
  });

  it('-DnsName and -SSLServerAuthentication keep matching certificates; they exist on Cert: only', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
    await ok(shell, 'New-ExchangeCertificate -DomainName mail1.contoso.com -Services SMTP -Force | Out-Null');
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\LocalMachine\\My -DnsName mail1* | ForEach-Object Subject'), ['CN=mail1.contoso.com']);
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\LocalMachine\\My -DnsName *.fabrikam.com'), []);
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\ -Recurse -SSLServerAuthentication | ForEach-Object Subject'), ['CN=mail1.contoso.com']);
    const { err } = await shell.run('Get-ChildItem C:\\ -DnsName mail1*');
    assert.match(err, /A parameter cannot be found that matches parameter name 'DnsName'\./);
  });

  it('lists the intermediate CA a PFX brought in the CA store', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
    await ok(shell, 'New-LabCertificateAuthority -Name ContosoIssuing -Parent ContosoRoot | Out-Null');
    await ok(shell, 'New-LabCertificate -SubjectName "CN=mail1.contoso.com" -CertificateAuthority ContosoIssuing -Path c:\\certificates\\m.pfx | Out-Null');
    await ok(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\m.pfx | Out-Null');
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\LocalMachine\\CA | ForEach-Object Subject'), ['CN=ContosoIssuing']);
  });

  it('Set-Location into a store: dir lists it and the location reads Cert:\\LocalMachine\\Root', async (t) => {
    const shell = await labShell(t);
    const thumbprint = await rootThumbprint(shell);
    await ok(shell, 'Set-Location Cert:\\LocalMachine\\Root');
    assert.equal(await ok(shell, '(Get-Location).Path'), 'Cert:\\LocalMachine\\Root\n');
    assert.equal(shell.session.currentLocation(), 'Cert:\\LocalMachine\\Root');
    assert.equal(await ok(shell, 'dir | ForEach-Object Thumbprint'), `${thumbprint}\n`);
    assert.equal(await ok(shell, `Test-Path .\\${thumbprint}`), 'True\n');
    await ok(shell, 'cd ..');
    assert.equal(await ok(shell, '"$PWD"'), 'Cert:\\LocalMachine\n');
    await ok(shell, 'Set-Location C:\\');
    assert.equal(await ok(shell, '(Get-Location).Path'), 'C:\\\n');
    await ok(shell, 'Push-Location Cert:\\LocalMachine\\My; Push-Location Env:');
    assert.equal(await ok(shell, 'Pop-Location; (Get-Location).Path; Pop-Location; (Get-Location).Path'), 'Cert:\\LocalMachine\\My\nC:\\\n');
  });

  it('Test-Path tells stores and certificates from what does not exist', async (t) => {
    const shell = await labShell(t);
    const thumbprint = await rootThumbprint(shell);
    const out = await ok(shell, `Test-Path Cert:\\LocalMachine\\Root\\${thumbprint}, Cert:\\LocalMachine\\Root\\00FF, Cert:\\LocalMachine\\Nope
Test-Path Cert:\\LocalMachine\\My -PathType Container
Test-Path Cert:\\LocalMachine\\Root\\${thumbprint} -PathType Container`);
    assert.equal(out, 'True\nFalse\nFalse\nTrue\nFalse\n');
  });

  it('a store that does not exist is PowerShell’s PathNotFound', async (t) => {
    const shell = await labShell(t);
    const { err } = await shell.run('Get-ChildItem Cert:\\LocalMachine\\Nope');
    assert.match(err, /^Get-ChildItem : Cannot find path 'Cert:\\LocalMachine\\Nope' because it does not exist\./);
    assert.equal(lastError(shell).fullyQualifiedErrorId, 'PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand');
  });

  it('Remove-Item removes a trusted root (with -WhatIf first), also piped from Get-ChildItem', async (t) => {
    const shell = await labShell(t);
    const thumbprint = await rootThumbprint(shell);
    const whatIf = await ok(shell, `Remove-Item Cert:\\LocalMachine\\Root\\${thumbprint} -WhatIf`);
    assert.equal(whatIf, `What if: Performing the operation "Remove certificate" on target "Item: LocalMachine\\Root\\${thumbprint} ".\n`);
    assert.equal(await ok(shell, '@(Get-TrustedRootCertificate).Count'), '1\n');
    await ok(shell, 'Get-ChildItem Cert:\\LocalMachine\\Root | Remove-Item');
    assert.equal(await ok(shell, '@(Get-TrustedRootCertificate).Count'), '0\n');
    assert.equal(await ok(shell, `Test-Path Cert:\\LocalMachine\\Root\\${thumbprint}`), 'False\n');
  });

  it('Remove-Item keeps the store’s rules: the default SMTP certificate and containers stay', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-ExchangeCertificate -Services SMTP -Force | Out-Null');
    const { err } = await shell.run('Get-ChildItem Cert:\\LocalMachine\\My | Remove-Item');
    assert.match(err, /The internal transport certificate cannot be removed/);
    assert.equal(lastError(shell).fullyQualifiedErrorId, 'CannotRemoveInternalTransportCertificate,Microsoft.PowerShell.Commands.RemoveItemCommand');
    const store = await shell.run('Remove-Item Cert:\\LocalMachine\\Root');
    assert.match(store.err, /You cannot remove a certificate container\./);
    assert.equal(await ok(shell, '@(Get-ExchangeCertificate).Count'), '1\n');
  });

  it('Import-Certificate writes the same X509Certificate2 item, shown with the same view', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-LabCertificateAuthority -Name Fabrikam -NoTrust -CertificatePath c:\\certificates\\fabrikam.cer | Out-Null');
    const out = await ok(shell, 'Import-Certificate -FilePath c:\\certificates\\fabrikam.cer -CertStoreLocation Cert:\\LocalMachine\\Root');
    assert.match(trimBlankLines(out), new RegExp(`^   PSParentPath: ${ROOT_PARENT.replace(/\\/g, '\\\\')}\\n\\nThumbprint {32}Subject\\n-{10} {32}-{7}\\n[0-9A-F]{40}  CN=Fabrikam$`));
    const [mine] = (await shell.values('Import-Certificate -FilePath c:\\certificates\\fabrikam.cer -CertStoreLocation Cert:\\LocalMachine\\My')) as PSObject[];
    assert.equal(mine.getProperty('PSParentPath'), 'Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My');
    assert.equal(mine.getProperty('HasPrivateKey'), false);
  });

  it('without an organisation the stores are empty and nothing is created', async (t) => {
    const shell = exchangeShell(t);
    assert.deepEqual(await shell.values('Get-ChildItem Cert:\\LocalMachine\\My'), []);
    assert.equal(await ok(shell, 'Test-Path Cert:\\LocalMachine\\Root'), 'True\n');
    assert.equal(existsSync(join(shell.stateRoot, 'organization')), false);
  });
});
