// The Exchange module's session API (exchange-state.ts): which server a cmdlet runs on, the cached
// state, EdgeSync after organisation-level changes; pipeline binding and tab completion.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  contextServerFqdn,
  exchangeState,
  hasOrganization,
  isInsideOrganization,
  organizationContext,
  replicateToEdges,
  serverContext,
} from '../../../cmdlets/exchange/exchange-state.ts';
import { complete } from '../../../src/completion/complete.ts';
import { managedBy } from '../../../src/host/repl/banner.ts';
import { exchangeShell, labShell, ok } from './helpers.ts';

describe('exchange-state: the server a cmdlet runs on', () => {
  it('opens the state lazily, once, and only when an Exchange cmdlet needs it', async (t) => {
    const shell = exchangeShell(t);
    await ok(shell, '1 + 1');
    assert.equal(hasOrganization(shell.session), false);
    assert.ok(!existsSync(join(shell.stateRoot, 'organization')), 'hasOrganization creates nothing');
    const state = exchangeState(shell.session);
    assert.equal(exchangeState(shell.session), state, 'cached in session.services');
    assert.equal(hasOrganization(shell.session), true);
    // A fresh root: the stand-alone local Edge, for both kinds of cmdlet.
    const local = serverContext(shell.session);
    assert.equal(organizationContext(shell.session).serverName, local.serverName);
    assert.equal(isInsideOrganization(local), false);
    assert.deepEqual(replicateToEdges(local), [], 'nothing to replicate from a stand-alone Edge');
  });

  it('in the lab: organisation-level cmdlets inside the organisation, per-server cmdlets on the local Edge', async (t) => {
    const shell = await labShell(t);
    const session = shell.session;
    assert.equal(serverContext(session).serverName, 'mail1');
    assert.equal(organizationContext(session).serverName, 'hub1');
    assert.equal(isInsideOrganization(organizationContext(session)), true);
    assert.equal(contextServerFqdn(organizationContext(session)), 'hub1.contoso.com');
    // An explicit server wins, then $env:EMSH_SERVER.
    assert.equal(serverContext(session, 'mail2.mail.contoso.com').serverName, 'mail2');
    process.env.EMSH_SERVER = 'mail2';
    assert.equal(serverContext(session).serverName, 'mail2');
    assert.equal(organizationContext(session).serverName, 'mail2', 'naming a subscribed Edge means being on it');
    assert.equal(serverContext(session, 'hub1').serverName, 'hub1');
    process.env.EMSH_SERVER = '';
    assert.equal(organizationContext(session).serverName, 'hub1');
    // EdgeSync from inside the organisation reaches both Edges.
    const results = replicateToEdges(organizationContext(session));
    assert.deepEqual(results.map((r) => r.Name), ['mail1', 'mail2']);
    assert.deepEqual(replicateToEdges(serverContext(session)), [], 'not from an Edge');
    // The REPL banner finds the organisation and the server through session.services.
    assert.deepEqual(managedBy(session), { organization: 'Contoso', server: 'mail1' });
    process.env.EMSH_SERVER = 'mail2';
    assert.equal(managedBy(session).server, 'mail2');
  });
});

describe('pipeline binding', () => {
  it('Identity binds by value and by property name', async (t) => {
    const shell = await labShell(t);
    await ok(shell, "'Internet' | Set-SendConnector -ProtocolLoggingLevel Verbose");
    assert.equal(await ok(shell, '(Get-SendConnector Internet).ProtocolLoggingLevel'), 'Verbose\n');
    // Objects from another server carry SERVER\Name: the change happens there.
    await ok(shell, 'Get-ReceiveConnector -Server mail2 | Set-ReceiveConnector -ProtocolLoggingLevel Verbose');
    assert.equal(await ok(shell, '(Get-ReceiveConnector -Server mail2 | ForEach-Object ProtocolLoggingLevel) -join ","'), 'Verbose,Verbose\n');
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).ProtocolLoggingLevel'), 'None\n', "mail1's Inet is untouched");
    await ok(shell, 'Get-AcceptedDomain | Set-AcceptedDomain -DomainType InternalRelay');
    assert.equal(await ok(shell, '(Get-AcceptedDomain).DomainType'), 'InternalRelay\n');
    // An object that cannot be found stops only itself.
    const { err } = await shell.run("'Nope','Internet' | Set-SendConnector -Enabled $false");
    assert.match(err, /object 'Nope' couldn't be found/);
    assert.equal(await ok(shell, '(Get-SendConnector Internet).Enabled'), 'False\n');
  });
});

describe('tab completion', () => {
  it('completes connector names, servers and enum values', async (t) => {
    const shell = await labShell(t);
    const texts = async (input: string) => (await complete(shell.session, input, input.length)).items.map((i) => i.text);
    assert.deepEqual(await texts('Set-SendConnector Int'), ['Internet']);
    assert.deepEqual(await texts('Set-SendConnector -Identity Edge'), ["'EdgeSync - Inbound to Default-First-Site-Name'"]);
    assert.deepEqual(await texts('Set-ReceiveConnector In'), ['Inet']);
    assert.ok((await texts('Set-ReceiveConnector mail2')).includes('mail2\\Inet'));
    assert.deepEqual(await texts('Get-ReceiveConnector -Server mai'), ['mail1', 'mail2']);
    assert.deepEqual(await texts('Set-ReceiveConnector Inet -AuthMechanism T'), ['Tls']);
    assert.deepEqual(await texts('Set-ReceiveConnector Inet -AuthMechanism Tls,Ex'), ['Tls,ExchangeServer', 'Tls,ExternalAuthoritative']);
    assert.deepEqual(await texts('Set-SendConnector Internet -ProtocolLoggingLevel V'), ['Verbose']);
  });

  it('completes nothing, and creates nothing, without an organisation', async (t) => {
    const shell = exchangeShell(t);
    const items = (await complete(shell.session, 'Set-SendConnector I', 19)).items;
    assert.deepEqual(items, []);
    assert.equal(hasOrganization(shell.session), false);
  });
});
