// EdgeSync through the cmdlets: changes made inside the organisation reach both subscribed Edge
// servers; on a subscribed Edge organisation-level changes are refused with Exchange's texts;
// subscriptions by file (Exchange 2007's two steps) and by the lab's -EdgeServer; removal; sync runs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listAcceptedDomains } from '../../../src/store/accepted-domains.ts';
import { openState } from '../../../src/store/emsh-state.ts';
import { listSendConnectors } from '../../../src/store/send-connectors.ts';
import { openServerContext } from '../../../src/store/server-context.ts';
import { getTransportConfig } from '../../../src/store/transport-config.ts';
import { exchangeShell, failsWith, labShell, ok } from './helpers.ts';

const SUBSCRIBED_EDGE =
  "You can't run this task on an Edge Transport server that is subscribed to an Active Directory site. You must either perform this " +
  'operation using the management console on a Hub Transport server, or remove the Edge Subscription by using the Remove-EdgeSubscription command.';
const TASKS = 'Microsoft.Exchange.Management.SystemConfigurationTasks';

describe('EdgeSync through the cmdlets', () => {
  it('replicates organisation-level changes to both Edge servers at once', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com,fabrikam.com');
    await ok(shell, 'New-SendConnector Fabrikam -AddressSpaces fabrikam.com -SourceTransportServers mail1,mail2 | Out-Null');
    await ok(shell, 'New-AcceptedDomain Mail -DomainName mail.contoso.com | Out-Null');
    const state = openState({ root: shell.stateRoot, env: {} });
    for (const edge of ['mail1', 'mail2']) {
      const ctx = openServerContext(state, edge, {});
      assert.deepEqual(getTransportConfig(ctx).TLSSendDomainSecureList, ['woodgrovebank.com', 'fabrikam.com'], edge);
      assert.deepEqual(listSendConnectors(ctx).map((c) => c.Name).sort(), ['EdgeSync - Inbound to Default-First-Site-Name', 'Fabrikam', 'Internet'], edge);
      assert.deepEqual(listAcceptedDomains(ctx).map((d) => d.DomainName), ['contoso.com', 'mail.contoso.com'], edge);
    }
    // A connector sourced by the Hub only stays inside the organisation.
    await ok(shell, 'New-SendConnector HubOnly -AddressSpaces hubonly.com | Out-Null');
    assert.ok(!listSendConnectors(openServerContext(state, 'mail1', {})).some((c) => c.Name === 'HubOnly'));
    // Seen from the Edge itself.
    process.env.EMSH_SERVER = 'mail2';
    assert.equal(await ok(shell, '(Get-TransportConfig).TLSSendDomainSecureList -join ","'), 'woodgrovebank.com,fabrikam.com\n');
    assert.equal(await ok(shell, '(Get-ExchangeServer).Name'), 'mail2\n', 'an Edge sees only itself');
  });

  it('on a subscribed Edge, organisation-level changes are refused and nothing is written', async (t) => {
    const shell = await labShell(t);
    process.env.EMSH_SERVER = 'mail1';
    await failsWith(
      shell,
      'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com',
      "You can't configure the 'TLSSendDomainSecureList' property on a subscribed Edge Transport server. Configure this property from inside your organization and allow EdgeSync to replicate the changes.",
      `ErrorCannotSetTransportServerPropertyOnSubscribedEdge,${TASKS}.SetTransportConfig`,
    );
    await failsWith(shell, 'Set-SendConnector Internet -DomainSecureEnabled:$True', SUBSCRIBED_EDGE, `CannotRunOnSubscribedEdge,${TASKS}.SetSendConnector`);
    await failsWith(shell, 'New-SendConnector Other -AddressSpaces other.com', SUBSCRIBED_EDGE, `CannotRunOnSubscribedEdge,${TASKS}.NewSendConnector`);
    await failsWith(shell, 'Remove-SendConnector Internet -Confirm:$false', SUBSCRIBED_EDGE, `CannotRunOnSubscribedEdge,${TASKS}.RemoveSendConnector`);
    await failsWith(shell, 'New-AcceptedDomain Mail -DomainName mail.contoso.com', SUBSCRIBED_EDGE, `CannotRunOnSubscribedEdge,${TASKS}.NewAcceptedDomain`);
    await failsWith(
      shell,
      'Start-EdgeSynchronization',
      "EdgeSync runs inside the organization, on a Hub Transport server; 'mail1' is an Edge Transport server. Use -Server to name a Hub Transport server.",
      'EdgeSyncRequiresHubTransportServer,Microsoft.Exchange.Management.EdgeSync.StartEdgeSynchronization',
    );
    // The Edge's own receive connectors stay editable.
    await ok(shell, 'Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS');
    // -Server reaches the Hub from there.
    assert.match(await ok(shell, 'Start-EdgeSynchronization -Server hub1 | Format-List Name,Result'), /Name   : mail1\nResult : Success/);
  });

  it('subscribes with the subscription file, as Exchange 2007 does, and unsubscribes', async (t) => {
    const shell = exchangeShell(t);
    await ok(shell, 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 | Out-Null');
    await ok(shell, 'New-ExchangeServer mail2.mail.contoso.com -ServerRole Edge | Out-Null');
    mkdirSync(join(shell.stateRoot, 'drives', 'C', 'subscriptions'), { recursive: true });
    // On the Edge: export.
    process.env.EMSH_SERVER = 'mail2';
    assert.equal(await ok(shell, 'New-EdgeSubscription -FileName c:\\subscriptions\\mail2.xml'), '');
    const file = join(shell.stateRoot, 'drives', 'C', 'subscriptions', 'mail2.xml');
    assert.ok(existsSync(file), 'the file is under the C: drive of the state root');
    assert.match(readFileSync(file, 'utf8'), /<EdgeServerName>mail2<\/EdgeServerName>/);
    await failsWith(
      shell,
      'New-EdgeSubscription -FileName c:\\subscriptions\\mail2.xml',
      'The file "c:\\subscriptions\\mail2.xml" already exists; use -Force to overwrite it.',
      `EdgeSubscriptionFileExists,${TASKS}.NewEdgeSubscription`,
    );
    // Inside the organisation: import.
    process.env.EMSH_SERVER = 'hub1';
    const imported = await ok(shell, 'New-EdgeSubscription -FileName c:\\subscriptions\\mail2.xml -Site Default-First-Site-Name -CreateInternetSendConnector $false | Format-List Name,Domain');
    assert.equal(imported, '\nName   : mail2\nDomain : mail.contoso.com\n\n\n');
    assert.equal(await ok(shell, '(Get-EdgeSubscription).Name -join ","'), 'mail1,mail2\n');
    await failsWith(
      shell,
      'New-EdgeSubscription -EdgeServer mail2',
      "Edge Transport server 'mail2' is already subscribed to site Default-First-Site-Name; remove the subscription first (Remove-EdgeSubscription).",
      `EdgeAlreadySubscribed,${TASKS}.NewEdgeSubscription`,
    );
    await failsWith(
      shell,
      'New-EdgeSubscription -EdgeServer hub1',
      "Server 'hub1' isn't an Edge Transport server; only Edge Transport servers can be subscribed.",
      `NotAnEdgeServer,${TASKS}.NewEdgeSubscription`,
    );
    // mail2 got the organisation's settings.
    await ok(shell, 'Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com');
    const state = openState({ root: shell.stateRoot, env: {} });
    assert.deepEqual(getTransportConfig(openServerContext(state, 'mail2', {})).TLSReceiveDomainSecureList, ['woodgrovebank.com']);
    // Removal hands the Edge back, without the replicated connectors.
    await ok(shell, 'Remove-EdgeSubscription mail2 -Confirm:$false');
    assert.equal(await ok(shell, '(Get-EdgeSubscription).Name -join ","'), 'mail1\n');
    assert.deepEqual(listSendConnectors(openServerContext(state, 'mail2', {})), []);
    await failsWith(
      shell,
      'Start-EdgeSynchronization -TargetServer mail2',
      "Edge Transport server 'mail2' has no Edge Subscription; subscribe it with New-EdgeSubscription first.",
      'EdgeNotSubscribed,Microsoft.Exchange.Management.EdgeSync.StartEdgeSynchronization',
    );
  });

  it('Start-EdgeSynchronization reports what it replicated to each Edge', async (t) => {
    const shell = await labShell(t);
    const out = await ok(shell, 'Start-EdgeSynchronization | Format-Table Name,Result,Type,Added,Deleted,Updated,Scanned -AutoSize');
    assert.equal(
      out,
      '\nName  Result  Type          Added Deleted Updated Scanned\n----  ------  ----          ----- ------- ------- -------\n' +
        'mail1 Success Configuration     0       0       0       4\nmail2 Success Configuration     0       0       0       4\n\n',
    );
    assert.match(await ok(shell, 'Start-EdgeSynchronization -TargetServer mail2 -WhatIf'), /^What if: Starting EdgeSync synchronization on "hub1"\.\n$/);
  });
});
