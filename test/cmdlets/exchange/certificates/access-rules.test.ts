// AccessRules of ExchangeCertificate objects: CryptoKeyAccessRule objects read from the key file's
// permissions (0600: one FullControl Allow rule for the owner), none without a key, and Format-List
// showing the collection as Exchange does.
import assert from 'node:assert/strict';
import { chmodSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PSObject } from '../../../../src/runtime/values.ts';
import { labShell, ok } from '../helpers.ts';

const RULE = 'System.Security.AccessControl.CryptoKeyAccessRule';

describe('ExchangeCertificate AccessRules', () => {
  it('a 0600 key gives one FullControl rule for its owner', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-ExchangeCertificate -Services SMTP -Force | Out-Null');
    const list = await ok(shell, 'Get-ExchangeCertificate | Format-List AccessRules');
    assert.match(list, new RegExp(`^AccessRules : \\{${RULE.replace(/\./g, '\\.')}\\}$`, 'm'));
    const rules = (await shell.values('(Get-ExchangeCertificate).AccessRules')) as PSObject[];
    assert.equal(rules.length, 1);
    assert.deepEqual(rules[0].typeNames[0], RULE);
    const text = await ok(shell, '(Get-ExchangeCertificate).AccessRules | Format-List');
    const lines = text.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split(' : ')[0].trim()), ['CryptoKeyRights', 'AccessControlType', 'IdentityReference', 'IsInherited', 'InheritanceFlags', 'PropagationFlags']);
    assert.match(text, /^CryptoKeyRights   : FullControl$/m);
    assert.match(text, /^AccessControlType : Allow$/m);
    assert.match(text, new RegExp(`^IdentityReference : [^\\\\]+\\\\${userInfo().username}$`, 'm'));
  });

  it('read access for the group adds a GenericRead rule; a certificate without key has none', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-ExchangeCertificate -Services SMTP -Force | Out-Null');
    const keys = join(shell.stateRoot, 'keys');
    for (const file of readdirSync(keys).filter((f) => f.endsWith('.pem'))) chmodSync(join(keys, file), 0o640);
    assert.equal(await ok(shell, '(Get-ExchangeCertificate).AccessRules.CryptoKeyRights -join ","'), 'FullControl,GenericRead\n');
    await ok(shell, 'New-LabCertificateAuthority -Name Fabrikam -NoTrust -CertificatePath c:\\certificates\\fabrikam.cer | Out-Null');
    const [cert] = (await shell.values('Import-Certificate -FilePath c:\\certificates\\fabrikam.cer -CertStoreLocation Cert:\\LocalMachine\\My')) as PSObject[];
    const thumbprint = String(cert.getProperty('Thumbprint'));
    assert.equal(await ok(shell, `@((Get-ExchangeCertificate ${thumbprint}).AccessRules).Count`), '0\n');
  });
});
