// Bad input to the certificate cmdlets: each a clear PowerShell-style error, and the state root
// (store documents, key files, the C: drive) byte for byte unchanged.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { snapshotFolder } from '../../../store/helpers.ts';
import type { ExchangeShell } from '../helpers.ts';
import { labShell, lastError, ok } from '../helpers.ts';

const IMPORT = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ImportExchangeCertificate';

async function refused(shell: ExchangeShell, code: string, message: RegExp, errorId: string): Promise<void> {
  const before = snapshotFolder(shell.stateRoot);
  const count = shell.session.errors.length;
  const { err } = await shell.run(code);
  assert.notEqual(err, '', `${code} wrote no error`);
  assert.equal(shell.session.errors.length, count + 1, err);
  const record = lastError(shell);
  assert.match(record.exception.message, message);
  assert.match(record.fullyQualifiedErrorId, new RegExp(`^${errorId},`));
  assert.deepEqual(snapshotFolder(shell.stateRoot), before, `${code} changed the state root`);
}

async function withPfx(t: Parameters<typeof labShell>[0]): Promise<{ shell: ExchangeShell; dir: string }> {
  const shell = await labShell(t);
  await ok(shell, 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null');
  await ok(shell, 'New-LabCertificate -SubjectName "CN=mail1.contoso.com" -Path c:\\certificates\\import.pfx -Password (ConvertTo-SecureString "right" -AsPlainText -Force) | Out-Null');
  await ok(shell, 'New-ExchangeCertificate -GenerateRequest -Path c:\\certificates\\request.p7c -SubjectName "CN=mail1.contoso.com" | Out-Null');
  return { shell, dir: join(shell.stateRoot, 'drives', 'C', 'certificates') };
}

describe('certificate cmdlets: bad input', () => {
  it('a wrong PFX password', async (t) => {
    const { shell } = await withPfx(t);
    await refused(
      shell,
      'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx -Password (ConvertTo-SecureString "wrong" -AsPlainText -Force)',
      /^The source data cannot be imported or the wrong password was specified\.$/,
      'PfxPasswordIncorrect',
    );
    assert.equal(lastError(shell).fullyQualifiedErrorId, `PfxPasswordIncorrect,${IMPORT}`);
  });

  it('a truncated PFX and a corrupt file', async (t) => {
    const { shell, dir } = await withPfx(t);
    const pfx = readFileSync(join(dir, 'import.pfx'));
    writeFileSync(join(dir, 'truncated.pfx'), pfx.subarray(0, Math.floor(pfx.length / 2)));
    writeFileSync(join(dir, 'garbage.cer'), 'this is not a certificate\n');
    await refused(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\truncated.pfx -Password (ConvertTo-SecureString "right" -AsPlainText -Force)', /corrupt|truncated|cannot be read/i, '\\w+');
    await refused(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\garbage.cer', /corrupt|not properly Base64|no certificate|not recognisable/i, '\\w+');
  });

  it('an EC key is not supported', async (t) => {
    const { shell, dir } = await withPfx(t);
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec.key', '-out', 'ec.crt', '-subj', '/CN=mail1.contoso.com', '-days', '30']);
    run(['pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.crt', '-out', 'ec.pfx', '-passout', 'pass:x']);
    await refused(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\ec.pfx -Password (ConvertTo-SecureString "x" -AsPlainText -Force)', /EC .*not supported|not supported/i, '\\w+');
  });

  it('a request file where a certificate is expected', async (t) => {
    const { shell } = await withPfx(t);
    await refused(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\request.p7c', /certificate request \(PKCS #10\), not a certificate/, 'NotACertificate');
    await refused(shell, 'Import-Certificate -FilePath c:\\certificates\\request.p7c -CertStoreLocation Cert:\\LocalMachine\\Root', /request/i, '\\w+');
  });

  it('an unknown thumbprint', async (t) => {
    const { shell } = await withPfx(t);
    const message = /^The certificate with thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 was not found\.$/;
    for (const cmdlet of ['Get-ExchangeCertificate', 'Remove-ExchangeCertificate -Confirm:$false -Thumbprint', 'Export-ExchangeCertificate -Thumbprint']) {
      await refused(shell, `${cmdlet} 0123456789abcdef0123456789abcdef01234567`, message, 'CertificateNotFound');
    }
    await refused(shell, 'Enable-ExchangeCertificate 0123456789ABCDEF0123456789ABCDEF01234567 -Services SMTP', message, 'CertificateNotFound');
  });

  it('a path on a missing drive', async (t) => {
    const { shell } = await withPfx(t);
    await refused(shell, 'Import-ExchangeCertificate -Path q:\\certificates\\import.pfx', /^Cannot find drive\. A drive with the name 'q' does not exist\.$/, 'DriveNotFound');
    await refused(shell, 'New-ExchangeCertificate -GenerateRequest -Path q:\\certificates\\request.p7c -SubjectName "CN=mail1.contoso.com"', /Cannot find drive/, 'DriveNotFound');
    await refused(shell, 'Import-ExchangeCertificate -Path c:\\certificates\\missing.pfx', /Cannot find path/, 'PathNotFound');
  });

  it('Enable refuses a certificate without key, an expired one and an untrusted one', async (t) => {
    const { shell, dir } = await withPfx(t);
    mkdirSync(dir, { recursive: true });
    await ok(shell, 'New-LabCertificateAuthority -Name Other -NoTrust | Out-Null');
    await ok(shell, 'New-LabCertificate -CertificateAuthority Other -SubjectName "CN=untrusted.contoso.com" -Path c:\\certificates\\untrusted.pfx | Out-Null');
    await ok(shell, 'New-LabCertificate -CertificateAuthority ContosoRoot -SubjectName "CN=old.contoso.com" -NotBefore (Get-Date).AddDays(-30) -NotAfter (Get-Date).AddDays(-1) -Path c:\\certificates\\expired.pfx | Out-Null');
    const untrusted = (await shell.values('(Import-ExchangeCertificate -Path c:\\certificates\\untrusted.pfx).Thumbprint'))[0] as string;
    const expired = (await shell.values('(Import-ExchangeCertificate -Path c:\\certificates\\expired.pfx).Thumbprint'))[0] as string;
    assert.match(await ok(shell, `Get-ExchangeCertificate ${untrusted} | Format-List Status`), /Untrusted/);
    assert.match(await ok(shell, `Get-ExchangeCertificate ${expired} | Format-List Status`), /DateInvalid/);
    await refused(shell, `Enable-ExchangeCertificate ${untrusted} -Services SMTP`, /was found but is not valid for use with Exchange Server \(reason: Untrusted\)/, 'CertificateNotValidForExchange');
    await refused(shell, `Enable-ExchangeCertificate ${expired} -Services SMTP`, /\(reason: DateInvalid\)/, 'CertificateNotValidForExchange');
    await ok(shell, 'Approve-LabCertificateRequest -Path c:\\certificates\\request.p7c -OutPath c:\\certificates\\issued.cer | Out-Null');
    await ok(shell, 'Get-ExchangeCertificate | Where-Object Status -eq PendingRequest | ForEach-Object { Remove-ExchangeCertificate $_.Thumbprint -Confirm:$false }');
    const bare = (await shell.values('(Import-ExchangeCertificate -Path c:\\certificates\\issued.cer).Thumbprint'))[0] as string;
    await refused(shell, `Enable-ExchangeCertificate ${bare} -Services SMTP`, /\(reason: PrivateKeyMissing\)/, 'CertificateNotValidForExchange');
  });

  it('a revoked certificate shows Revoked once the CRL is imported', async (t) => {
    const { shell } = await withPfx(t);
    const serial = (await shell.values('(Import-ExchangeCertificate -Path c:\\certificates\\import.pfx -Password (ConvertTo-SecureString "right" -AsPlainText -Force)).SerialNumber'))[0] as string;
    await ok(shell, `Revoke-LabCertificate ${serial} -Reason KeyCompromise`);
    assert.match(await ok(shell, 'Get-ExchangeCertificate | Format-List Status'), /Status : Valid/);
    await ok(shell, 'New-LabCertificateRevocationList -OutPath c:\\certificates\\root.crl | Out-Null');
    assert.match(await ok(shell, 'Get-ExchangeCertificate | Where-Object SerialNumber -eq ' + serial + ' | Format-List Status'), /Status : Revoked/);
  });
});
