import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listAcceptedDomains, newAcceptedDomain, removeAcceptedDomain, setAcceptedDomain } from '../../src/store/accepted-domains.ts';
import { subscribeEdge, synchronize, unsubscribeEdge } from '../../src/store/edge-sync.ts';
import { getReceiveConnector, newReceiveConnector, setReceiveConnector } from '../../src/store/receive-connectors.ts';
import { getSendConnector, listSendConnectors, newSendConnector, removeSendConnector, setSendConnector } from '../../src/store/send-connectors.ts';
import { openServerContext } from '../../src/store/server-context.ts';
import { getServer, newServer } from '../../src/store/servers.ts';
import { getTransportConfig, setTransportConfig } from '../../src/store/transport-config.ts';
import { assertStoreError, openTestState } from './helpers.ts';

const SUBSCRIBED_EDGE =
  "You can't run this task on an Edge Transport server that is subscribed to an Active Directory site. You must either perform this operation using the management console on a Hub Transport server, or remove the Edge Subscription by using the Remove-EdgeSubscription command.";

/** Contoso: a Hub server inside the organisation and the Edge servers mail1 and mail2.mail.contoso.com. */
async function contoso(t: Parameters<typeof openTestState>[0]) {
  const state = await openTestState(t, 'hub1.contoso.com');
  state.documents.transaction((tx) => {
    newServer(tx, { name: 'HUB', fqdn: 'hub.contoso.com', role: 'HubTransport' });
    newServer(tx, { name: 'mail1.contoso.com', role: 'Edge' });
    newServer(tx, { name: 'mail2.mail.contoso.com', role: 'Edge' });
  });
  return {
    state,
    hub: openServerContext(state, 'HUB', {}),
    mail1: openServerContext(state, 'mail1', {}),
    mail2: openServerContext(state, 'mail2.mail.contoso.com', {}),
  };
}

test('EdgeSync replicates the organisation to both subscribed Edge servers', async (t) => {
  const { state, hub, mail1, mail2 } = await contoso(t);
  const first = subscribeEdge(state, 'mail1');
  assert.equal(first.server.EdgeSubscription?.Site, 'Default-First-Site-Name');
  assert.equal(first.result.Result, 'Success');
  subscribeEdge(state, 'mail2.mail.contoso.com');
  // EdgeSync's own connectors now send from both Edges.
  const internet = getSendConnector(hub, 'EdgeSync - Default-First-Site-Name to Internet');
  assert.deepEqual(internet.SourceTransportServers, ['mail1', 'mail2']);
  assert.deepEqual(internet.AddressSpaces, ['SMTP:*;100']);
  assert.equal(internet.DomainSecureEnabled, true);
  assert.deepEqual(getSendConnector(mail2, 'EdgeSync - Inbound to Default-First-Site-Name').SmartHosts, ['--']);

  // Step 3 and 4, inside the organisation.
  setTransportConfig(hub, { TLSSendDomainSecureList: 'woodgrovebank.com' });
  setTransportConfig(hub, { TLSReceiveDomainSecureList: 'woodgrovebank.com' });
  newSendConnector(hub, { Name: 'Internet', Usage: 'Internet', AddressSpaces: '*', SourceTransportServers: ['mail1', 'mail2'] });
  setSendConnector(hub, 'Internet', { DomainSecureEnabled: true });
  newSendConnector(hub, { Name: 'Hub only', AddressSpaces: 'fabrikam.com' });
  assert.deepEqual(getTransportConfig(mail1).TLSSendDomainSecureList, [], 'nothing reaches the Edge before synchronisation');

  const results = synchronize(state);
  assert.deepEqual(results.map((r) => r.Name), ['mail1', 'mail2']);
  assert.ok(results.every((r) => r.Result === 'Success' && r.Type === 'Configuration'));
  assert.equal(results[0]!.Added, 1, 'the Internet connector was added');
  assert.equal(results[0]!.Updated, 3, 'the transport config, and both EdgeSync connectors (which gained mail2), were updated');
  assert.equal(results[0]!.Scanned, 5, 'the config, one accepted domain and the three connectors sending from mail1');
  for (const edge of [mail1, mail2]) {
    assert.deepEqual(getTransportConfig(edge).TLSSendDomainSecureList, ['woodgrovebank.com']);
    assert.deepEqual(getTransportConfig(edge).TLSReceiveDomainSecureList, ['woodgrovebank.com']);
    assert.equal(getSendConnector(edge, 'Internet').DomainSecureEnabled, true);
    assert.deepEqual(listSendConnectors(edge).map((c) => c.Name).sort(), ['EdgeSync - Default-First-Site-Name to Internet', 'EdgeSync - Inbound to Default-First-Site-Name', 'Internet']);
    assert.deepEqual(listAcceptedDomains(edge).map((d) => d.DomainName), ['contoso.com']);
  }
  assert.ok(getServer(state.documents, 'mail1', 'x').EdgeSubscription?.LastSynchronizedAt);
  const again = synchronize(state, { server: 'mail1' });
  assert.deepEqual([again[0]!.Added, again[0]!.Updated, again[0]!.Deleted], [0, 0, 0], 'a second run finds nothing to do');
});

test('on a subscribed Edge, organisation-level edits are refused with Exchange\'s texts', async (t) => {
  const { state, hub, mail1 } = await contoso(t);
  newSendConnector(hub, { Name: 'Internet', AddressSpaces: '*', SourceTransportServers: [] });
  subscribeEdge(state, 'mail1');
  await assertStoreError(
    () => setTransportConfig(mail1, { TLSSendDomainSecureList: 'woodgrovebank.com' }),
    "You can't configure the 'TLSSendDomainSecureList' property on a subscribed Edge Transport server. Configure this property from inside your organization and allow EdgeSync to replicate the changes.",
    'ErrorCannotSetTransportServerPropertyOnSubscribedEdge',
  );
  await assertStoreError(() => setTransportConfig(mail1, { TLSReceiveDomainSecureList: 'woodgrovebank.com', MaxSendSize: '1MB' }), /'TLSReceiveDomainSecureList' property/);
  await assertStoreError(() => setTransportConfig(mail1, { MaxSendSize: '1MB', TLSReceiveDomainSecureList: 'woodgrovebank.com' }), /'MaxSendSize' property/);
  await assertStoreError(() => newSendConnector(mail1, { Name: 'Internet2', AddressSpaces: '*' }), SUBSCRIBED_EDGE, 'CannotRunOnSubscribedEdge');
  await assertStoreError(() => setSendConnector(mail1, 'EdgeSync - Default-First-Site-Name to Internet', { ProtocolLoggingLevel: 'Verbose' }), SUBSCRIBED_EDGE);
  await assertStoreError(() => removeSendConnector(mail1, 'EdgeSync - Default-First-Site-Name to Internet'), SUBSCRIBED_EDGE);
  await assertStoreError(() => newAcceptedDomain(mail1, { Name: 'x', DomainName: 'x.contoso.com' }), SUBSCRIBED_EDGE);
  // Receive connectors belong to the Edge itself and stay editable.
  newReceiveConnector(mail1, { Name: 'Inet', Bindings: '127.0.0.1:2525', RemoteIPRanges: '0.0.0.0-255.255.255.255' });
  assert.equal(setReceiveConnector(mail1, 'Inet', { DomainSecureEnabled: true, AuthMechanism: 'TLS' }).DomainSecureEnabled, true);
  assert.equal(getReceiveConnector(mail1, 'mail1\\Inet').DomainSecureEnabled, true);
});

test('removing the subscription hands the Edge back, without the replicated connectors', async (t) => {
  const { state, hub, mail1 } = await contoso(t);
  subscribeEdge(state, 'mail1');
  assert.equal(listSendConnectors(mail1).length, 2);
  await assertStoreError(() => subscribeEdge(state, 'mail1'), /already subscribed/, 'EdgeAlreadySubscribed');
  unsubscribeEdge(state, 'mail1');
  assert.deepEqual(listSendConnectors(mail1), []);
  assert.deepEqual(listSendConnectors(hub), [], 'EdgeSync connectors without a source are deleted');
  assert.equal(newSendConnector(mail1, { Name: 'Internet', AddressSpaces: '*' }).Name, 'Internet');
  assert.deepEqual(setTransportConfig(mail1, { TLSSendDomainSecureList: 'woodgrovebank.com' }).config.TLSSendDomainSecureList, ['woodgrovebank.com']);
  await assertStoreError(() => unsubscribeEdge(state, 'mail1'), /has no Edge Subscription/, 'EdgeNotSubscribed');
  await assertStoreError(() => subscribeEdge(state, 'HUB'), /isn't an Edge Transport server/, 'NotAnEdgeServer');
});

test('accepted domains: default, MakeDefault, duplicates, removal', async (t) => {
  const { hub } = await contoso(t);
  const [contosoDomain] = listAcceptedDomains(hub);
  assert.equal(contosoDomain!.Default, true);
  const mail = newAcceptedDomain(hub, { Name: 'Mail', DomainName: 'mail.contoso.com' });
  assert.equal(mail.Default, false);
  await assertStoreError(() => newAcceptedDomain(hub, { Name: 'Again', DomainName: 'MAIL.contoso.com' }), /already accepted by accepted domain 'Mail'/, 'AcceptedDomainAlreadyExists');
  await assertStoreError(() => newAcceptedDomain(hub, { Name: 'All', DomainName: '*' }), `You can't specify the SmtpDomainWithSubdomains for property value "DomainName" to be '*'.`);
  assert.equal(newAcceptedDomain(hub, { Name: 'Subs', DomainName: '*.contoso.org', DomainType: 'internalrelay' }).DomainType, 'InternalRelay');
  await assertStoreError(() => removeAcceptedDomain(hub, 'contoso.com'), /default accepted domain 'contoso.com' can't be removed/, 'CannotRemoveDefaultAcceptedDomain');
  setAcceptedDomain(hub, 'mail.contoso.com', { MakeDefault: true });
  assert.deepEqual(listAcceptedDomains(hub).filter((d) => d.Default).map((d) => d.Name), ['Mail']);
  assert.equal(removeAcceptedDomain(hub, 'contoso.com').DomainName, 'contoso.com');
});
