import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { listAcceptedDomains } from '../../src/store/accepted-domains.ts';
import { initialNames, openState } from '../../src/store/emsh-state.ts';
import { getOrganization, organizationSpec } from '../../src/store/organization.ts';
import { listReceiveConnectors } from '../../src/store/receive-connectors.ts';
import { listSendConnectors } from '../../src/store/send-connectors.ts';
import { openServerContext } from '../../src/store/server-context.ts';
import { listServers } from '../../src/store/servers.ts';
import { getTransportConfig } from '../../src/store/transport-config.ts';
import { assertStoreError, openTestState, tempFolder } from './helpers.ts';

test('a fresh root holds one organisation and one local Edge server named after the host', async (t) => {
  const state = await openTestState(t, 'mail1.contoso.com');
  const organization = state.documents.read(organizationSpec).organization!;
  assert.equal(organization.Name, 'Contoso');
  assert.equal(organization.LocalServer, 'mail1');
  assert.deepEqual(getOrganization(state.documents), organization);
  const servers = listServers(state.documents);
  assert.equal(servers.length, 1);
  assert.equal(servers[0]!.Name, 'mail1');
  assert.equal(servers[0]!.Fqdn, 'mail1.contoso.com');
  assert.equal(servers[0]!.ServerRole, 'Edge');
  assert.equal(servers[0]!.IsEdgeServer, true);
  assert.equal(servers[0]!.EdgeSubscription, null);
  assert.equal(servers[0]!.AdminDisplayVersion, 'Version 8.1 (Build 240.6)');
});

test("the local Edge has Exchange's default Edge receive connector", async (t) => {
  const state = await openTestState(t);
  const ctx = openServerContext(state, undefined, {});
  const [connector, ...others] = listReceiveConnectors(ctx);
  assert.equal(others.length, 0);
  assert.equal(connector!.Name, 'Default internal receive connector mail1');
  assert.equal(connector!.Identity, 'mail1\\Default internal receive connector mail1');
  assert.deepEqual(connector!.Bindings, ['0.0.0.0:25']);
  assert.deepEqual(connector!.RemoteIPRanges, ['0.0.0.0-255.255.255.255']);
  assert.deepEqual(connector!.PermissionGroups, ['AnonymousUsers', 'ExchangeServers', 'Partners']);
  assert.deepEqual(connector!.AuthMechanism, ['Tls', 'ExchangeServer']);
  assert.equal(connector!.DomainSecureEnabled, true);
  assert.equal(connector!.Fqdn, 'mail1.contoso.com');
  assert.equal(connector!.ProtocolLoggingLevel, 'None');
  assert.equal(connector!.MessageRateLimit, 600);
  assert.equal(connector!.ConnectionTimeout, '00:05:00');
  assert.equal(connector!.ConnectionInactivityTimeout, '00:01:00');
  assert.equal(connector!.MaxMessageSize, 10 * 1024 * 1024);
  assert.equal(connector!.MaxRecipientsPerMessage, 200);
  assert.equal(connector!.TarpitInterval, '00:00:05');
  assert.equal(connector!.SizeEnabled, 'Enabled');
  assert.equal(connector!.Enabled, true);
  assert.equal(connector!.RequireTLS, false);
});

test('TransportConfig has every 2007 property with its default, inside the organisation and on the Edge', async (t) => {
  const state = await openTestState(t);
  const ctx = openServerContext(state, undefined, {});
  const expected = {
    ClearCategories: true,
    DSNConversionMode: 'UseExchangeDSNs',
    GenerateCopyOfDSNFor: ['5.4.8', '5.4.6', '5.4.4', '5.2.4', '5.2.0', '5.1.4'],
    HeaderPromotionModeSetting: 'NoCreate',
    InternalSMTPServers: [],
    JournalingReportNdrTo: null,
    MaxDumpsterSizePerStorageGroup: 18 * 1024 * 1024,
    MaxDumpsterTime: '7.00:00:00',
    MaxReceiveSize: 10 * 1024 * 1024,
    MaxRecipientEnvelopeLimit: 5000,
    MaxSendSize: 10 * 1024 * 1024,
    TLSReceiveDomainSecureList: [],
    TLSSendDomainSecureList: [],
    VerifySecureSubmitEnabled: false,
    VoicemailJournalingEnabled: true,
    WritingBrandingInDSNEnabled: true,
    Xexch50Enabled: true,
  };
  const config = getTransportConfig(ctx);
  for (const [name, value] of Object.entries(expected)) assert.deepEqual(config[name as keyof typeof config], value, name);
  assert.ok(fs.existsSync(path.join(state.root, 'organization', 'transport-config.json')));
  assert.ok(fs.existsSync(path.join(state.root, 'servers', 'mail1', 'adam', 'transport-config.json')));
  assert.deepEqual(listSendConnectors(ctx), []);
});

test('the accepted domain comes from the host (or settings) and is the default', async (t) => {
  const state = await openTestState(t, 'mail1.contoso.com');
  const [domain] = listAcceptedDomains(openServerContext(state, undefined, {}));
  assert.equal(domain!.DomainName, 'contoso.com');
  assert.equal(domain!.DomainType, 'Authoritative');
  assert.equal(domain!.Default, true);
});

test('names of a fresh root: host without a domain, settings override', () => {
  assert.deepEqual(initialNames({}, 'BuildBox'), {
    serverName: 'buildbox',
    serverFqdn: 'buildbox',
    organizationName: 'First Organization',
    acceptedDomain: 'buildbox.local',
  });
  assert.deepEqual(initialNames({ organizationName: 'Woodgrove Bank', acceptedDomain: 'woodgrovebank.com', serverName: 'EDGE01', serverFqdn: 'edge01.woodgrovebank.com' }, 'x'), {
    serverName: 'EDGE01',
    serverFqdn: 'edge01.woodgrovebank.com',
    organizationName: 'Woodgrove Bank',
    acceptedDomain: 'woodgrovebank.com',
  });
});

test('settings.json written before first use names the organisation', (t) => {
  const root = path.join(tempFolder(t), 'state');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'settings.json'), JSON.stringify({ organizationName: 'Woodgrove Bank', acceptedDomain: 'woodgrovebank.com', serverName: 'EDGE01', serverFqdn: 'edge01.woodgrovebank.com' }));
  const state = openState({ root, hostname: 'ignored.example', env: {} });
  assert.equal(state.documents.read(organizationSpec).organization!.Name, 'Woodgrove Bank');
  const ctx = openServerContext(state, undefined, {});
  assert.equal(ctx.serverName, 'EDGE01');
  assert.equal(listAcceptedDomains(ctx)[0]!.DomainName, 'woodgrovebank.com');
});

test('opening a root again changes nothing', async (t) => {
  const state = await openTestState(t);
  const before = state.documents.read(organizationSpec).organization!;
  const again = openState({ root: state.root, hostname: 'other-host.fabrikam.com', env: {} });
  assert.deepEqual(again.documents.read(organizationSpec).organization, before);
  assert.equal(listServers(again.documents).length, 1);
});

test('the server context comes from the argument, then $EMSH_SERVER, then the local server', async (t) => {
  const state = await openTestState(t);
  assert.equal(openServerContext(state, undefined, {}).serverName, 'mail1');
  assert.equal(openServerContext(state, 'MAIL1.contoso.com', {}).serverName, 'mail1');
  assert.equal(openServerContext(state, undefined, { EMSH_SERVER: 'Mail1' }).serverName, 'mail1');
  await assertStoreError(
    () => openServerContext(state, 'mail9', {}),
    "The operation couldn't be performed because object 'mail9' couldn't be found on 'mail1.contoso.com'.",
    'ErrorManagementObjectNotFoundWithSource',
  );
});

test('nothing is written outside the state root', async (t) => {
  const parent = tempFolder(t);
  const root = path.join(parent, 'state');
  openState({ root, hostname: 'mail1.contoso.com', env: {} });
  assert.deepEqual(fs.readdirSync(parent), ['state']);
});
