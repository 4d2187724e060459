// Multi-valued properties through the cmdlets: a plain value or list replaces the whole list (the
// walkthrough's warning), @{Add=...; Remove=...} edits it, $null empties it; flag enums are replaced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labShell, ok } from './helpers.ts';

describe('replacement versus Add/Remove', () => {
  it('TLS domain-secure lists', async (t) => {
    const shell = await labShell(t);
    const list = async (property: string) => (await ok(shell, `(Get-TransportConfig).${property} -join ','`)).trim();
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com');
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList @{Add="fabrikam.com","contoso.org"}');
    assert.equal(await list('TLSSendDomainSecureList'), 'woodgrovebank.com,fabrikam.com,contoso.org');
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList @{Remove="FABRIKAM.com"; Add="WoodgroveBank.com"}');
    assert.equal(await list('TLSSendDomainSecureList'), 'woodgrovebank.com,contoso.org', 'case-insensitive: no duplicate, removal matched');
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList fabrikam.com');
    assert.equal(await list('TLSSendDomainSecureList'), 'fabrikam.com', 'a plain value replaces everything');
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList $null');
    assert.equal(await list('TLSSendDomainSecureList'), '');
    // The existing list plus a new domain, as the walkthrough suggests.
    await ok(shell, 'Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com');
    await ok(shell, 'Set-TransportConfig -TLSReceiveDomainSecureList ((Get-TransportConfig).TLSReceiveDomainSecureList + "fabrikam.com")');
    assert.equal(await list('TLSReceiveDomainSecureList'), 'woodgrovebank.com,fabrikam.com');
    // Setting what is already there changes nothing and says so.
    const { err } = await shell.run('Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com,fabrikam.com');
    assert.equal(err, "WARNING: The command completed successfully but no settings of 'Transport Settings' have been modified.\n");
  });

  it('connector address spaces, smart hosts, bindings and remote IP ranges', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'New-SendConnector Partners -AddressSpaces woodgrovebank.com | Out-Null');
    await ok(shell, 'Set-SendConnector Partners -AddressSpaces @{Add="SMTP:fabrikam.com;5"}');
    assert.equal(await ok(shell, '(Get-SendConnector Partners).AddressSpaces -join ","'), 'SMTP:woodgrovebank.com;1,SMTP:fabrikam.com;5\n');
    await ok(shell, 'Set-SendConnector Partners -AddressSpaces @{Remove="woodgrovebank.com"}');
    assert.equal(await ok(shell, '(Get-SendConnector Partners).AddressSpaces -join ","'), 'SMTP:fabrikam.com;5\n', 'removed by domain, whatever the cost');
    await ok(shell, 'Set-SendConnector Partners -SmartHosts smarthost1.contoso.com,smarthost2.contoso.com');
    await ok(shell, 'Set-SendConnector Partners -SmartHosts @{Remove="smarthost1.contoso.com"}');
    assert.equal(await ok(shell, '(Get-SendConnector Partners) | ForEach-Object { "$($_.SmartHostsString) $($_.DNSRoutingEnabled)" }'), 'smarthost2.contoso.com False\n');

    await ok(shell, 'Set-ReceiveConnector Inet -Bindings @{Add="127.0.0.1:2587"}');
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).Bindings -join ","'), '127.0.0.1:2525,127.0.0.1:2587\n');
    await ok(shell, 'Set-ReceiveConnector Inet -RemoteIPRanges 10.0.0.0/24,192.168.1.1-192.168.1.9');
    await ok(shell, 'Set-ReceiveConnector Inet -RemoteIPRanges @{Remove="10.0.0.0/24"; Add="172.16.0.1"}');
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).RemoteIPRanges -join ","'), '192.168.1.1-192.168.1.9,172.16.0.1\n');
  });

  it('-AuthMechanism and -PermissionGroups replace the whole flag set', async (t) => {
    const shell = await labShell(t);
    const edgeDefault = '"mail1\\Default internal receive connector mail1"';
    assert.equal(await ok(shell, `(Get-ReceiveConnector ${edgeDefault}).AuthMechanism`), 'Tls, ExchangeServer\n');
    await ok(shell, `Set-ReceiveConnector ${edgeDefault} -AuthMechanism TLS`);
    assert.equal(await ok(shell, `(Get-ReceiveConnector ${edgeDefault}).AuthMechanism`), 'Tls\n', 'ExchangeServer is dropped');
    await ok(shell, `Set-ReceiveConnector ${edgeDefault} -AuthMechanism 'Tls, BasicAuth, BasicAuthRequireTLS' -PermissionGroups Partners`);
    assert.equal(await ok(shell, `(Get-ReceiveConnector ${edgeDefault}) | ForEach-Object { "$($_.AuthMechanism) / $($_.PermissionGroups)" }`), 'Tls, BasicAuth, BasicAuthRequireTLS / Partners\n');
  });
});

describe('receive connector bindings and remote IP ranges as objects', () => {
  it('IPBinding and IPRange objects show their text, expose their parts and go back in unchanged', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'Set-ReceiveConnector Inet -RemoteIPRanges 10.0.0.0/24,192.168.1.5-192.168.1.9,172.16.0.1');
    const parts = (await ok(shell, '$c = Get-ReceiveConnector Inet; $b = $c.Bindings[0]; "$($b.AddressFamily) $($b.Address) $($b.Port)"; $c.RemoteIPRanges | ForEach-Object { "$_ $($_.RangeFormat) $($_.LowerBound) $($_.UpperBound) $($_.CIDRLength)" }')).trim();
    assert.equal(
      parts,
      'InterNetwork 127.0.0.1 2525\n10.0.0.0/24 CIDR 10.0.0.0 10.0.0.255 24\n192.168.1.5-192.168.1.9 LoHi 192.168.1.5 192.168.1.9 32\n172.16.0.1 SingleAddress 172.16.0.1 172.16.0.1 32',
    );
    assert.equal((await ok(shell, '(Get-ReceiveConnector Inet | Format-List Bindings | Out-String).Trim()')).trim(), 'Bindings : {127.0.0.1:2525}');
    const { err } = await shell.run('$c = Get-ReceiveConnector Inet; Set-ReceiveConnector Inet -Bindings $c.Bindings -RemoteIPRanges $c.RemoteIPRanges');
    assert.equal(err, "WARNING: The command completed successfully but no settings of 'mail1\\Inet' have been modified.\n");
    await ok(shell, 'Set-ReceiveConnector Inet -Bindings "[::1]:2525"');
    assert.equal((await ok(shell, '$b = (Get-ReceiveConnector Inet).Bindings[0]; "$b $($b.AddressFamily) $($b.Address) $($b.Port)"')).trim(), '[::1]:2525 InterNetworkV6 ::1 2525');
  });
});

describe('send connector address spaces as objects', () => {
  it('AddressSpace objects show their text, expose Type, Address and Cost and go back in unchanged', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'Set-SendConnector Internet -AddressSpaces "SMTP:*;1","smtp:woodgrovebank.com;10"');
    const parts = (await ok(shell, '(Get-SendConnector Internet).AddressSpaces | ForEach-Object { "$_|$($_.Type)|$($_.Address)|$($_.Cost)" }')).trim();
    assert.equal(parts, 'SMTP:*;1|SMTP|*|1\nSMTP:woodgrovebank.com;10|SMTP|woodgrovebank.com|10');
    const { err } = await shell.run('Set-SendConnector Internet -AddressSpaces (Get-SendConnector Internet).AddressSpaces');
    assert.equal(err, "WARNING: The command completed successfully but no settings of 'Internet' have been modified.\n");
  });
});
