// Initialize-LabOrganization: the organisation the walkthrough assumes, its servers, connectors,
// EdgeSync subscriptions and lab DNS entry; port choice; refusals.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { describe, it } from 'node:test';
import { listAcceptedDomains } from '../../../src/store/accepted-domains.ts';
import { openState } from '../../../src/store/emsh-state.ts';
import { LabDnsRegistry } from '../../../src/store/lab-dns.ts';
import { getOrganization } from '../../../src/store/organization.ts';
import { listReceiveConnectors } from '../../../src/store/receive-connectors.ts';
import { getSendConnector, listSendConnectors } from '../../../src/store/send-connectors.ts';
import { openServerContext } from '../../../src/store/server-context.ts';
import { listServers } from '../../../src/store/servers.ts';
import { exchangeShell, failsWith, LAB, ok } from '../exchange/helpers.ts';

describe('Initialize-LabOrganization', () => {
  it('sets up Contoso: a Hub inside the organisation, two subscribed Edges, Internet and Inet, the lab DNS entry', async (t) => {
    const shell = exchangeShell(t);
    await ok(shell, `${LAB} | Out-Null`);
    const state = openState({ root: shell.stateRoot, env: {} });
    assert.equal(getOrganization(state.documents)?.Name, 'Contoso');
    assert.equal(getOrganization(state.documents)?.LocalServer, 'mail1', 'this machine is the first Edge');
    const servers = listServers(state.documents);
    assert.deepEqual(
      servers.map((s) => [s.Name, s.Fqdn, s.ServerRole, s.EdgeSubscription?.Site ?? null]),
      [
        ['mail1', 'mail1.contoso.com', 'Edge', 'Default-First-Site-Name'],
        ['mail2', 'mail2.mail.contoso.com', 'Edge', 'Default-First-Site-Name'],
        ['hub1', 'hub1.contoso.com', 'HubTransport', null],
      ],
    );
    const hub = openServerContext(state, 'hub1', {});
    const internet = getSendConnector(hub, 'Internet');
    assert.deepEqual(
      [internet.AddressSpaces, internet.DNSRoutingEnabled, internet.Fqdn, internet.SourceTransportServers, internet.DomainSecureEnabled],
      [['SMTP:*;1'], true, 'mail.contoso.com', ['mail1', 'mail2'], false],
    );
    assert.deepEqual(listSendConnectors(hub).map((c) => c.Name), ['EdgeSync - Inbound to Default-First-Site-Name', 'Internet'], "no EdgeSync Internet connector beside the lab's own");
    assert.deepEqual(listAcceptedDomains(hub).map((d) => [d.DomainName, d.Default]), [['contoso.com', true]]);
    for (const [edge, port] of [['mail1', 2525], ['mail2', 2526]] as const) {
      const ctx = openServerContext(state, edge, {});
      const connectors = listReceiveConnectors(ctx);
      const inet = connectors.find((c) => c.Name === 'Inet')!;
      assert.deepEqual([inet.Bindings, inet.RemoteIPRanges, inet.PermissionGroups, inet.AuthMechanism, inet.Fqdn], [
        [`127.0.0.1:${port}`],
        ['0.0.0.0-255.255.255.255'],
        ['AnonymousUsers'],
        ['Tls'],
        `${edge === 'mail1' ? 'mail1.contoso.com' : 'mail2.mail.contoso.com'}`,
      ]);
      assert.equal(connectors.find((c) => c.Name.startsWith('Default internal'))!.Enabled, false, 'only loopback listens');
      assert.deepEqual(listSendConnectors(ctx).map((c) => c.Name).sort(), ['EdgeSync - Inbound to Default-First-Site-Name', 'Internet'], `${edge} got the connectors`);
    }
    const entry = new LabDnsRegistry(shell.registry).resolve('CONTOSO.com');
    assert.deepEqual([entry?.host, entry?.port, entry?.organization, entry?.stateRoot], ['127.0.0.1', 2525, 'Contoso', shell.stateRoot]);
  });

  it('picks the first free loopback port no other lab organisation uses', async (t) => {
    const shell = exchangeShell(t);
    new LabDnsRegistry(shell.registry).register({ domain: 'woodgrovebank.com', host: '127.0.0.1', port: 2525, organization: 'Woodgrove Bank', stateRoot: '/elsewhere' });
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(2526, '127.0.0.1', () => resolve()));
    t.after(() => busy.close());
    const out = await ok(shell, 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com | Format-List ReceiveConnectors,LabDns');
    assert.match(out, /ReceiveConnectors : \{mail1\\Inet \(127\.0\.0\.1:2527\)\}/);
    assert.match(out, /LabDns\s+: contoso\.com -> 127\.0\.0\.1:2527 \(/);
    assert.equal(new LabDnsRegistry(shell.registry).resolve('woodgrovebank.com')?.port, 2525, 'the other organisation keeps its entry');
  });

  it('-NoDnsRegistration leaves the lab DNS alone', async (t) => {
    const shell = exchangeShell(t);
    await ok(shell, 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com -ListenPort 2600 -NoDnsRegistration | Out-Null');
    assert.equal(existsSync(shell.registry), false);
  });

  it('turns a root that only has the first stand-alone Edge into the lab organisation', async (t) => {
    const shell = exchangeShell(t);
    await ok(shell, 'Get-ExchangeServer | Out-Null');
    await ok(shell, `${LAB} | Out-Null`);
    const state = openState({ root: shell.stateRoot, env: {} });
    assert.equal(getOrganization(state.documents)?.Name, 'Contoso');
    assert.equal(getOrganization(state.documents)?.LocalServer, 'mail1');
    assert.deepEqual(listAcceptedDomains(openServerContext(state, 'hub1', {})).map((d) => d.DomainName), ['contoso.com']);
    assert.equal(await ok(shell, '(Get-ExchangeServer).Name -join ","'), 'mail1,mail2,hub1\n', 'the host-named Edge is not in the organisation');
  });

  it('refuses a root that already holds an organisation, and bad names, writing nothing', async (t) => {
    const shell = exchangeShell(t);
    await failsWith(shell, "Initialize-LabOrganization Contoso 'contoso com' -EdgeServer mail1.contoso.com", '"contoso com" isn\'t a valid SMTP domain.', 'InvalidSmtpDomainName,Emsh.Lab.InitializeLabOrganization');
    await failsWith(
      shell,
      'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com,mail1.mail.contoso.com',
      'The servers mail1.contoso.com, mail1.mail.contoso.com, hub1.contoso.com must have different names.',
      'DuplicateLabServerName,Emsh.Lab.InitializeLabOrganization',
    );
    await ok(shell, `${LAB} | Out-Null`);
    await failsWith(
      shell,
      LAB,
      `The state root '${shell.stateRoot}' already holds the organization 'Contoso' (servers: mail1, mail2, hub1). ` +
        'Initialize-LabOrganization sets up a new organization: point $env:EMSH_HOME at an empty folder and run it again.',
      'LabOrganizationAlreadyInitialized,Emsh.Lab.InitializeLabOrganization',
    );
  });
});
