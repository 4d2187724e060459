import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSendConnector, listSendConnectors, newSendConnector, removeSendConnector, resolveSendConnectorUsage, setSendConnector } from '../../src/store/send-connectors.ts';
import { openServerContext } from '../../src/store/server-context.ts';
import { newServer } from '../../src/store/servers.ts';
import { MESSAGES } from '../../src/store/validation.ts';
import { assertStoreError, openTestState, snapshotFolder } from './helpers.ts';

async function hubContext(t: Parameters<typeof openTestState>[0]) {
  const state = await openTestState(t);
  state.documents.transaction((tx) => newServer(tx, { name: 'hub1.contoso.com', role: 'Hub' }));
  return openServerContext(state, 'HUB1', {});
}

test('New-SendConnector Internet -Usage Internet -AddressSpaces * has Exchange\'s defaults', async (t) => {
  const ctx = await hubContext(t);
  const connector = newSendConnector(ctx, { Name: 'Internet', Usage: 'Internet', AddressSpaces: '*', Fqdn: 'mail.contoso.com' });
  assert.equal(connector.Identity, 'Internet');
  assert.deepEqual(connector.AddressSpaces, ['SMTP:*;1']);
  assert.equal(connector.DNSRoutingEnabled, true);
  assert.equal(connector.DomainSecureEnabled, false);
  assert.equal(connector.Port, 25);
  assert.equal(connector.MaxMessageSize, 10 * 1024 * 1024);
  assert.equal(connector.ConnectionInactivityTimeOut, '00:10:00');
  assert.equal(connector.ProtocolLoggingLevel, 'None');
  assert.equal(connector.Fqdn, 'mail.contoso.com');
  assert.deepEqual(connector.SourceTransportServers, ['hub1'], 'inside the organisation it sends from the server it was created on');
  assert.equal(connector.HomeMtaServerId, 'hub1');
  assert.deepEqual(getSendConnector(ctx, 'INTERNET'), connector);
});

test('the walkthrough: Set-SendConnector Internet -DomainSecureEnabled:$True, then logging Verbose', async (t) => {
  const ctx = await hubContext(t);
  newSendConnector(ctx, { Name: 'Internet', AddressSpaces: '*' });
  assert.equal(setSendConnector(ctx, 'internet', { DomainSecureEnabled: true }).DomainSecureEnabled, true);
  assert.equal(setSendConnector(ctx, 'Internet', { ProtocolLoggingLevel: 'Verbose' }).ProtocolLoggingLevel, 'Verbose');
  assert.equal(getSendConnector(ctx, 'Internet').DomainSecureEnabled, true);
});

test('Partner usage turns on domain security with DNS routing', async (t) => {
  const ctx = await hubContext(t);
  const connector = newSendConnector(ctx, { Name: 'To Woodgrove', Usage: 'Partner', AddressSpaces: 'woodgrovebank.com' });
  assert.equal(connector.DomainSecureEnabled, true);
  assert.equal(connector.DNSRoutingEnabled, true);
  const explicit = newSendConnector(ctx, { Name: 'Partner off', Usage: 'Partner', AddressSpaces: 'fabrikam.com', DomainSecureEnabled: false });
  assert.equal(explicit.DomainSecureEnabled, false);
});

test('domain security needs DNS routing (not smart hosts) and not IgnoreSTARTTLS', async (t) => {
  const ctx = await hubContext(t);
  newSendConnector(ctx, { Name: 'Smart', AddressSpaces: '*', SmartHosts: ['relay.contoso.com'] });
  assert.equal(getSendConnector(ctx, 'Smart').DNSRoutingEnabled, false, 'smart hosts imply DNSRoutingEnabled $false');
  assert.equal(getSendConnector(ctx, 'Smart').SmartHostsString, 'relay.contoso.com');
  await assertStoreError(() => setSendConnector(ctx, 'Smart', { DomainSecureEnabled: true }), MESSAGES.sendDomainSecureWithoutDnsRouting, 'DomainSecureEnabledWithoutDNSRoutingEnabled');
  newSendConnector(ctx, { Name: 'Internet', AddressSpaces: '*.com', IgnoreSTARTTLS: true });
  await assertStoreError(() => setSendConnector(ctx, 'Internet', { DomainSecureEnabled: true }), MESSAGES.sendDomainSecureWithIgnoreStartTls, 'DomainSecureEnabledWithIgnoreStartTLSEnabled');
  assert.equal(getSendConnector(ctx, 'Internet').DomainSecureEnabled, false, 'nothing changed');
  // With DNS routing back on (and the smart hosts cleared) domain security is allowed.
  assert.equal(setSendConnector(ctx, 'Smart', { SmartHosts: [], DNSRoutingEnabled: true, DomainSecureEnabled: true }).DomainSecureEnabled, true);
});

test("smart host and TLS rules use Exchange's texts", async (t) => {
  const ctx = await hubContext(t);
  await assertStoreError(() => newSendConnector(ctx, { Name: 'A', AddressSpaces: '*', DNSRoutingEnabled: false }), MESSAGES.smartHostNotSet, 'SmartHostNotSet');
  await assertStoreError(
    () => newSendConnector(ctx, { Name: 'A', AddressSpaces: '*', SmartHosts: '10.0.0.1', DNSRoutingEnabled: true }),
    MESSAGES.dnsRoutingWithSmartHosts,
    'DNSRoutingEnabledMustNotBeSpecified',
  );
  await assertStoreError(() => newSendConnector(ctx, { Name: 'A', AddressSpaces: '*', RequireTLS: true, IgnoreSTARTTLS: true }), MESSAGES.requireTlsWithIgnoreStartTls, 'IgnoreRequireTLSConflict');
  await assertStoreError(() => newSendConnector(ctx, { Name: 'A', AddressSpaces: [] }), /needs at least one address space/, 'AddressSpacesRequired');
  await assertStoreError(() => newSendConnector(ctx, { Name: 'A', AddressSpaces: '*', SmartHosts: 'relay_host!' }), /isn't a valid smart host/, 'InvalidSmartHost');
  assert.deepEqual(listSendConnectors(ctx), [], 'no failed connector was written');
});

test('names are unique, identities resolve case-insensitively, unknown ones fail with Exchange\'s text', async (t) => {
  const ctx = await hubContext(t);
  const first = newSendConnector(ctx, { Name: 'Internet', AddressSpaces: '*' });
  await assertStoreError(() => newSendConnector(ctx, { Name: 'INTERNET', AddressSpaces: '*' }), "A send connector named 'INTERNET' already exists on 'hub1.contoso.com'; choose a different name.", 'ObjectAlreadyExists');
  newSendConnector(ctx, { Name: 'Other', AddressSpaces: 'fabrikam.com' });
  await assertStoreError(() => setSendConnector(ctx, 'Other', { Name: 'internet' }), /already exists/);
  assert.equal(getSendConnector(ctx, first.Guid).Name, 'Internet', 'GUIDs are identities too');
  await assertStoreError(
    () => setSendConnector(ctx, 'Intranet', { Enabled: false }),
    "The operation couldn't be performed because object 'Intranet' couldn't be found on 'hub1.contoso.com'.",
    'ErrorManagementObjectNotFoundWithSource',
  );
  assert.equal(removeSendConnector(ctx, 'other').Name, 'Other');
  assert.deepEqual(listSendConnectors(ctx).map((c) => c.Name), ['Internet']);
  await assertStoreError(() => newSendConnector(ctx, { Name: 'a\\b', AddressSpaces: '*' }), /isn't a valid send connector name/, 'InvalidObjectName');
});

test('usage switches are mutually exclusive', async () => {
  assert.equal(resolveSendConnectorUsage({ Internet: true }), 'Internet');
  assert.equal(resolveSendConnectorUsage({ Usage: 'partner' }), 'Partner');
  assert.equal(resolveSendConnectorUsage({}), undefined);
  await assertStoreError(() => resolveSendConnectorUsage({ Usage: 'Internet', Partner: true }), MESSAGES.usageConflict, 'NewSendConnectorIncorrectUsageParameters');
});

test('SourceTransportServers must name servers of the organisation, and are refused on an Edge', async (t) => {
  const ctx = await hubContext(t);
  await assertStoreError(
    () => newSendConnector(ctx, { Name: 'X', AddressSpaces: '*', SourceTransportServers: ['hub9'] }),
    "The operation couldn't be performed because object 'hub9' couldn't be found on 'hub1.contoso.com'.",
  );
  await assertStoreError(
    () => newSendConnector(ctx, { Name: 'X', AddressSpaces: '*', SourceTransportServers: ['mail1'] }),
    /object 'mail1' couldn't be found/,
    'ErrorManagementObjectNotFoundWithSource',
  );
  const edge = openServerContext(ctx.state, 'mail1', {});
  await assertStoreError(() => newSendConnector(edge, { Name: 'X', AddressSpaces: '*', SourceTransportServers: ['hub1'] }), /SourceTransportServers parameter isn't valid/, 'SourceTransportServersOnEdge');
  const local = newSendConnector(edge, { Name: 'Internet', AddressSpaces: '*', DomainSecureEnabled: true });
  assert.deepEqual(local.SourceTransportServers, []);
  assert.deepEqual(listSendConnectors(ctx), [], "the Edge's connector is in the Edge's own directory");
});

test('a failed Set-SendConnector leaves the state untouched', async (t) => {
  const ctx = await hubContext(t);
  newSendConnector(ctx, { Name: 'Internet', AddressSpaces: '*' });
  const before = snapshotFolder(ctx.state.root);
  await assertStoreError(() => setSendConnector(ctx, 'Internet', { Port: 0, Comment: 'changed' }), /isn't a valid value for Port/);
  await assertStoreError(() => setSendConnector(ctx, 'Internet', { AddressSpaces: { Add: 'SMTP:*contoso.com;1' } }), /wildcard/);
  assert.deepEqual(snapshotFolder(ctx.state.root), before);
});

test('AddressSpaces is multi-valued: replace or Add/Remove', async (t) => {
  const ctx = await hubContext(t);
  newSendConnector(ctx, { Name: 'Partners', AddressSpaces: ['woodgrovebank.com', 'fabrikam.com'] });
  assert.deepEqual(setSendConnector(ctx, 'Partners', { AddressSpaces: { Add: 'SMTP:tailspintoys.com;2', Remove: 'SMTP:FABRIKAM.COM;1' } }).AddressSpaces, [
    'SMTP:woodgrovebank.com;1',
    'SMTP:tailspintoys.com;2',
  ]);
  assert.deepEqual(setSendConnector(ctx, 'Partners', { AddressSpaces: 'contoso.org' }).AddressSpaces, ['SMTP:contoso.org;1']);
});
