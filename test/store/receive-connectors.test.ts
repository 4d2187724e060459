import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getReceiveConnector,
  listReceiveConnectors,
  newReceiveConnector,
  removeReceiveConnector,
  setReceiveConnector,
} from '../../src/store/receive-connectors.ts';
import { openServerContext } from '../../src/store/server-context.ts';
import { newServer } from '../../src/store/servers.ts';
import { MESSAGES } from '../../src/store/validation.ts';
import { assertStoreError, openTestState, snapshotFolder } from './helpers.ts';

/** mail1 (the local Edge) with the walkthrough's Inet connector next to the default one. */
async function edgeWithInet(t: Parameters<typeof openTestState>[0]) {
  const ctx = openServerContext(await openTestState(t), undefined, {});
  newReceiveConnector(ctx, { Name: 'Inet', Usage: 'Internet', Bindings: '127.0.0.1:2525', RemoteIPRanges: '0.0.0.0-255.255.255.255' });
  return ctx;
}

test('Inet, MAIL1\\Inet and mail1.contoso.com\\inet all name the same connector', async (t) => {
  const ctx = await edgeWithInet(t);
  const byName = getReceiveConnector(ctx, 'Inet');
  assert.equal(byName.Identity, 'mail1\\Inet');
  assert.deepEqual(getReceiveConnector(ctx, 'MAIL1\\Inet'), byName);
  assert.deepEqual(getReceiveConnector(ctx, 'mail1.contoso.com\\inet'), byName);
  assert.deepEqual(getReceiveConnector(ctx, byName.Guid), byName);
  await assertStoreError(
    () => getReceiveConnector(ctx, 'Internet'),
    "The operation couldn't be performed because object 'Internet' couldn't be found on 'mail1.contoso.com'.",
    'ErrorManagementObjectNotFoundWithSource',
  );
  await assertStoreError(() => getReceiveConnector(ctx, 'mail2\\Inet'), "The operation couldn't be performed because object 'mail2\\Inet' couldn't be found on 'mail1.contoso.com'.");
});

test('the walkthrough: Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS', async (t) => {
  const ctx = await edgeWithInet(t);
  setReceiveConnector(ctx, 'Inet', { AuthMechanism: ['Tls', 'ExchangeServer'] });
  const connector = setReceiveConnector(ctx, 'Inet', { DomainSecureEnabled: true, AuthMechanism: 'TLS' });
  assert.equal(connector.DomainSecureEnabled, true);
  assert.deepEqual(connector.AuthMechanism, ['Tls'], '-AuthMechanism TLS replaces the whole set');
  assert.equal(setReceiveConnector(ctx, 'Inet', { ProtocolLoggingLevel: 'Verbose' }).ProtocolLoggingLevel, 'Verbose');
  assert.deepEqual(getReceiveConnector(ctx, 'inet').AuthMechanism, ['Tls']);
});

test("domain security on a receive connector needs Tls and not ExternalAuthoritative (Exchange's texts)", async (t) => {
  const ctx = await edgeWithInet(t);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { DomainSecureEnabled: true, AuthMechanism: 'None' }), MESSAGES.receiveDomainSecureWithoutTls, 'DomainSecureEnabledWithoutTls');
  await assertStoreError(
    () => setReceiveConnector(ctx, 'Inet', { DomainSecureEnabled: true, AuthMechanism: 'Tls, ExternalAuthoritative', PermissionGroups: 'ExchangeServers' }),
    MESSAGES.receiveDomainSecureWithExternalAuthoritative,
    'DomainSecureEnabledWithExternalAuthoritative',
  );
  setReceiveConnector(ctx, 'Inet', { DomainSecureEnabled: true });
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { AuthMechanism: 'BasicAuth' }), MESSAGES.receiveDomainSecureWithoutTls);
  assert.deepEqual(getReceiveConnector(ctx, 'Inet').AuthMechanism, ['Tls'], 'nothing changed');
});

test('the other authentication rules', async (t) => {
  const ctx = await edgeWithInet(t);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { RequireTLS: true, AuthMechanism: 'None' }), MESSAGES.requireTlsWithoutTls, 'RequireTLSWithoutTLS');
  await assertStoreError(
    () => setReceiveConnector(ctx, 'Inet', { AuthMechanism: 'ExternalAuthoritative', PermissionGroups: 'AnonymousUsers' }),
    MESSAGES.externalAuthoritativeWithoutExchangeServers,
    'ExternalAuthoritativeWithoutExchangeServerPermission',
  );
  await assertStoreError(
    () => setReceiveConnector(ctx, 'Inet', { AuthMechanism: 'ExternalAuthoritative, BasicAuth', PermissionGroups: 'ExchangeServers' }),
    /can only be combined with Tls/,
    'ExternalAuthoritativeWithOtherMechanisms',
  );
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { AuthMechanism: 'BasicAuthRequireTLS, Tls' }), /BasicAuthRequireTLS authentication mechanism needs BasicAuth and Tls/);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { PermissionGroups: 'ExchangeLegacyServers' }), /ExchangeLegacyServers permission group isn't supported on an Edge/, 'UnSupportedPermissionGroupsForEdge');
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { Banner: 'Welcome' }), /must start with "220 "/, 'InvalidBanner');
  assert.equal(setReceiveConnector(ctx, 'Inet', { RequireTLS: true, Banner: '220 mail1 ready' }).RequireTLS, true);
});

test("two connectors can't share both a binding and a remote IP range", async (t) => {
  const ctx = await edgeWithInet(t);
  await assertStoreError(
    () => newReceiveConnector(ctx, { Name: 'Inet2', Usage: 'Internet', Bindings: ['127.0.0.1:2525'], RemoteIPRanges: '0.0.0.0-255.255.255.255' }),
    MESSAGES.mappingConflict('Inet'),
    'ReceiveConnectorMappingConflict',
  );
  // The walkthrough's Inet with the default connector's own bindings and ranges clashes with it.
  await assertStoreError(
    () => setReceiveConnector(ctx, 'Inet', { Bindings: '0.0.0.0:25' }),
    MESSAGES.mappingConflict('Default internal receive connector mail1'),
  );
  const partner = newReceiveConnector(ctx, { Name: 'Woodgrove', Usage: 'Partner', Bindings: '127.0.0.1:2525', RemoteIPRanges: '10.0.0.0/8' });
  assert.equal(partner.DomainSecureEnabled, true);
  assert.deepEqual(partner.PermissionGroups, ['Partners']);
});

test('Bindings and RemoteIPRanges are multi-valued and validated', async (t) => {
  const ctx = await edgeWithInet(t);
  assert.deepEqual(setReceiveConnector(ctx, 'Inet', { Bindings: { Add: '[::1]:2525' } }).Bindings, ['127.0.0.1:2525', '[::1]:2525']);
  assert.deepEqual(setReceiveConnector(ctx, 'Inet', { RemoteIPRanges: ['192.168.0.0/16', '10.0.0.1-10.0.0.20'] }).RemoteIPRanges, ['192.168.0.0/16', '10.0.0.1-10.0.0.20']);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { Bindings: [] }), 'Bindings needs at least one value.', 'EmptyMultiValuedProperty');
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { Bindings: 'mail1:25' }), /isn't a valid binding/);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { RemoteIPRanges: { Add: '10.0.0.300' } }), /isn't a valid IP address range/);
});

test('usage templates of New-ReceiveConnector', async (t) => {
  const state = await openTestState(t);
  state.documents.transaction((tx) => newServer(tx, { name: 'HUB1', fqdn: 'hub1.contoso.com', role: 'HubTransport' }));
  const hub = openServerContext(state, 'hub1', {});
  const bindings = (port: number) => ({ Bindings: `0.0.0.0:${port}`, RemoteIPRanges: '0.0.0.0-255.255.255.255' });
  const internal = newReceiveConnector(hub, { Name: 'Internal', Usage: 'Internal', ...bindings(2601) });
  assert.deepEqual(internal.PermissionGroups, ['ExchangeServers', 'ExchangeLegacyServers']);
  assert.deepEqual(internal.AuthMechanism, ['Tls', 'ExchangeServer']);
  const client = newReceiveConnector(hub, { Name: 'Clients', Usage: 'Client', ...bindings(2602) });
  assert.deepEqual(client.PermissionGroups, ['ExchangeUsers']);
  assert.deepEqual(client.AuthMechanism, ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS']);
  const custom = newReceiveConnector(hub, { Name: 'Custom', ...bindings(2603) });
  assert.deepEqual(custom.PermissionGroups, ['None']);
  assert.equal(custom.MessageRateLimit, 'Unlimited', 'Hub defaults');
  assert.equal(custom.ConnectionTimeout, '00:10:00');
  const edge = openServerContext(state, 'mail1', {});
  const edgeInternal = newReceiveConnector(edge, { Name: 'FromHub', Usage: 'Internal', ...bindings(2604) });
  assert.deepEqual(edgeInternal.PermissionGroups, ['ExchangeServers'], 'no legacy servers on an Edge');
  await assertStoreError(() => newReceiveConnector(edge, { Name: 'X', Usage: 'Everything', ...bindings(2605) }), /Cannot convert value "Everything"/, 'InvalidEnumValue');
});

test('inside the organisation a bare name searches every Hub server and may be ambiguous', async (t) => {
  const state = await openTestState(t);
  state.documents.transaction((tx) => {
    newServer(tx, { name: 'HUB1', fqdn: 'hub1.contoso.com', role: 'HubTransport' });
    newServer(tx, { name: 'HUB2', fqdn: 'hub2.contoso.com', role: 'HubTransport' });
  });
  const hub = openServerContext(state, 'hub1', {});
  assert.deepEqual(listReceiveConnectors(hub).map((c) => c.Identity), ['HUB1\\Default HUB1', 'HUB1\\Client HUB1', 'HUB2\\Default HUB2', 'HUB2\\Client HUB2']);
  assert.deepEqual(listReceiveConnectors(hub, { server: 'hub2' }).map((c) => c.Name), ['Default HUB2', 'Client HUB2']);
  newReceiveConnector(hub, { Name: 'Relay', Server: 'HUB1', Bindings: '0.0.0.0:2525', RemoteIPRanges: '10.0.0.1' });
  newReceiveConnector(hub, { Name: 'Relay', Server: 'hub2.contoso.com', Bindings: '0.0.0.0:2525', RemoteIPRanges: '10.0.0.1' });
  await assertStoreError(() => getReceiveConnector(hub, 'relay'), "The operation couldn't be performed because 'relay' matches multiple entries.", 'ErrorManagementObjectAmbiguous');
  assert.equal(getReceiveConnector(hub, 'HUB2\\Relay').Server, 'HUB2');
  await assertStoreError(() => getReceiveConnector(hub, 'mail1\\Default internal receive connector mail1'), /couldn't be found on 'hub1.contoso.com'/);
  await assertStoreError(() => newReceiveConnector(hub, { Name: 'Relay', Server: 'HUB1', Bindings: '0.0.0.0:2526', RemoteIPRanges: '10.0.0.2' }), "A receive connector named 'Relay' already exists on 'hub1.contoso.com'; choose a different name.");
  assert.equal(removeReceiveConnector(hub, 'HUB1\\Relay').Identity, 'HUB1\\Relay');
  assert.equal(getReceiveConnector(hub, 'relay').Identity, 'HUB2\\Relay');
});

test('a failed Set-ReceiveConnector changes nothing on disk', async (t) => {
  const ctx = await edgeWithInet(t);
  const before = snapshotFolder(ctx.state.root);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { Comment: 'x', MaxMessageSize: '1KB' }), /isn't a valid size for MaxMessageSize/);
  await assertStoreError(() => setReceiveConnector(ctx, 'Inet', { Name: 'Default internal receive connector MAIL1' }), /already exists/);
  assert.deepEqual(snapshotFolder(ctx.state.root), before);
});

test('a Set- that changes nothing writes nothing', async (t) => {
  const ctx = await edgeWithInet(t);
  const current = getReceiveConnector(ctx, 'Inet');
  const before = snapshotFolder(ctx.state.root);
  assert.deepEqual(setReceiveConnector(ctx, 'Inet', { AuthMechanism: 'Tls', Enabled: true }), current);
  assert.deepEqual(snapshotFolder(ctx.state.root), before);
  assert.notEqual(setReceiveConnector(ctx, 'Inet', { Enabled: false }).WhenChanged, undefined);
  assert.equal(getReceiveConnector(ctx, 'Inet').Enabled, false);
});
