// -WhatIf and -Confirm on every Exchange change: Exchange's one-sentence texts, and nothing written
// under -WhatIf or when the user answers No.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snapshotFolder } from '../../store/helpers.ts';
import { exchangeShell, labShell, ok } from './helpers.ts';

const CASES: [code: string, whatIf: string][] = [
  ['Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com', 'Setting Transport configuration.'],
  ['New-SendConnector Woodgrove -AddressSpaces woodgrovebank.com', 'Creating Send connector "Woodgrove".'],
  ['Set-SendConnector internet -DomainSecureEnabled:$True', 'Setting Send connector "Internet".'],
  ['Remove-SendConnector Internet', 'Removing Send connector "Internet".'],
  ['New-ReceiveConnector Partners -Partner -Bindings 127.0.0.1:2600', 'Creating Receive connector "Partners" on server "mail1".'],
  ['Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS', 'Setting Receive connector "mail1\\Inet".'],
  ['Set-ReceiveConnector mail2\\Inet -ProtocolLoggingLevel Verbose', 'Setting Receive connector "mail2\\Inet".'],
  ['Remove-ReceiveConnector Inet', 'Removing Receive connector "mail1\\Inet".'],
  ['New-AcceptedDomain "Contoso Domain" -DomainName mail.contoso.com', 'Creating Accepted Domain "Contoso Domain" with domain name "mail.contoso.com".'],
  ['Set-AcceptedDomain contoso.com -DomainType InternalRelay', 'Setting Accepted Domain "contoso.com".'],
  ['Remove-AcceptedDomain contoso.com', 'Removing Accepted Domain "contoso.com".'],
  ['New-ExchangeServer hub2.contoso.com -ServerRole HubTransport', 'Creating Exchange server "hub2.contoso.com" with the HubTransport role.'],
  ['Remove-EdgeSubscription mail2', 'Removing Edge Subscription "mail2".'],
  ['Start-EdgeSynchronization', 'Starting EdgeSync synchronization on "hub1".'],
];

describe('-WhatIf and -Confirm', () => {
  it('-WhatIf prints Exchange\'s text and changes nothing, for every change cmdlet', async (t) => {
    const shell = await labShell(t);
    for (const [code, text] of CASES) {
      const before = snapshotFolder(shell.stateRoot);
      assert.equal(await ok(shell, `${code} -WhatIf`), `What if: ${text}\n`, code);
      assert.deepEqual(snapshotFolder(shell.stateRoot), before, `${code} -WhatIf changed the state root`);
    }
  });

  it('-WhatIf on a new state root creates no organisation', async (t) => {
    const shell = exchangeShell(t);
    const out = await ok(shell, 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -WhatIf');
    assert.equal(out, 'What if: Creating lab organization "Contoso" (contoso.com) with Hub Transport server "hub1.contoso.com" and Edge Transport servers "mail1.contoso.com".\n');
    assert.deepEqual(snapshotFolder(shell.stateRoot), {});
  });

  it('-Confirm asks with Exchange\'s text; No changes nothing, Yes changes', async (t) => {
    const shell = await labShell(t, { answers: ['N', 'Y'] });
    const before = snapshotFolder(shell.stateRoot);
    const declined = await ok(shell, 'Set-SendConnector Internet -DomainSecureEnabled:$True -Confirm');
    assert.equal(
      declined,
      'Confirm\nAre you sure you want to perform this action?\nSetting Send connector "Internet".\n' +
        '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): N\n',
    );
    assert.deepEqual(snapshotFolder(shell.stateRoot), before);
    await ok(shell, 'Set-SendConnector Internet -DomainSecureEnabled:$True -Confirm');
    assert.equal(await ok(shell, '(Get-SendConnector Internet).DomainSecureEnabled'), 'True\n');
  });

  it('Remove- cmdlets ask by default (ConfirmImpact High)', async (t) => {
    const shell = await labShell(t, { answers: ['N'] });
    const out = await ok(shell, 'Remove-SendConnector Internet');
    assert.match(out, /Are you sure you want to perform this action\?\nRemoving Send connector "Internet"\./);
    assert.equal(await ok(shell, '(Get-SendConnector Internet).Name'), 'Internet\n');
  });
});
