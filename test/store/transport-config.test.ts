import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openServerContext } from '../../src/store/server-context.ts';
import { newServer } from '../../src/store/servers.ts';
import { EDGE_UNUSED_PROPERTIES_WARNING, getTransportConfig, setTransportConfig } from '../../src/store/transport-config.ts';
import { assertStoreError, openTestState, snapshotFolder } from './helpers.ts';

test('-TLSSendDomainSecureList woodgrovebank.com replaces the whole list', async (t) => {
  const ctx = openServerContext(await openTestState(t), undefined, {});
  setTransportConfig(ctx, { TLSSendDomainSecureList: ['fabrikam.com', 'tailspintoys.com'] });
  const { config } = setTransportConfig(ctx, { TLSSendDomainSecureList: 'woodgrovebank.com' });
  assert.deepEqual(config.TLSSendDomainSecureList, ['woodgrovebank.com']);
  assert.deepEqual(getTransportConfig(ctx).TLSSendDomainSecureList, ['woodgrovebank.com'], 'it was saved');
});

test('@{Add=...; Remove=...} keeps the other entries', async (t) => {
  const ctx = openServerContext(await openTestState(t), undefined, {});
  setTransportConfig(ctx, { TLSReceiveDomainSecureList: ['woodgrovebank.com'] });
  setTransportConfig(ctx, { TLSReceiveDomainSecureList: { Add: ['fabrikam.com', 'WOODGROVEBANK.COM'] } });
  assert.deepEqual(getTransportConfig(ctx).TLSReceiveDomainSecureList, ['woodgrovebank.com', 'fabrikam.com']);
  setTransportConfig(ctx, { TLSReceiveDomainSecureList: { Remove: 'woodgrovebank.com' } });
  assert.deepEqual(getTransportConfig(ctx).TLSReceiveDomainSecureList, ['fabrikam.com']);
  setTransportConfig(ctx, { TLSReceiveDomainSecureList: null });
  assert.deepEqual(getTransportConfig(ctx).TLSReceiveDomainSecureList, []);
});

test('wildcards and malformed domains are refused and nothing is written', async (t) => {
  const state = await openTestState(t);
  const ctx = openServerContext(state, undefined, {});
  const before = snapshotFolder(state.root);
  await assertStoreError(
    () => setTransportConfig(ctx, { MaxSendSize: '20MB', TLSSendDomainSecureList: ['woodgrovebank.com', '*.woodgrovebank.com'] }),
    '"*.woodgrovebank.com" isn\'t a valid SMTP domain.',
    'InvalidSmtpDomainName',
  );
  await assertStoreError(() => setTransportConfig(ctx, { TLSReceiveDomainSecureList: 'woodgrove bank' }), '"woodgrove bank" isn\'t a valid SMTP domain.');
  assert.deepEqual(snapshotFolder(state.root), before);
});

test('at most 256 domains per list', async (t) => {
  const ctx = openServerContext(await openTestState(t), undefined, {});
  const domains = Array.from({ length: 257 }, (_, i) => `partner${i}.example`);
  setTransportConfig(ctx, { TLSSendDomainSecureList: domains.slice(0, 256) });
  await assertStoreError(
    () => setTransportConfig(ctx, { TLSSendDomainSecureList: { Add: domains[256] } }),
    'TLSSendDomainSecureList has too many items: allowed maximum count is 256, actual count is 257.',
    'ExceededMaximumCollectionCount',
  );
  assert.equal(getTransportConfig(ctx).TLSSendDomainSecureList.length, 256);
});

test('other properties are validated and converted', async (t) => {
  const ctx = openServerContext(await openTestState(t), undefined, {});
  const { config } = setTransportConfig(ctx, {
    MaxSendSize: '20MB',
    MaxRecipientEnvelopeLimit: 'Unlimited',
    DSNConversionMode: 'preservedsnbody',
    JournalingReportNdrTo: 'journal@contoso.com',
    InternalSMTPServers: ['10.0.0.1', '10.0.1.0/24'],
    Xexch50Enabled: false,
  });
  assert.equal(config.MaxSendSize, 20 * 1024 * 1024);
  assert.equal(config.MaxRecipientEnvelopeLimit, 'Unlimited');
  assert.equal(config.DSNConversionMode, 'PreserveDSNBody');
  assert.equal(config.JournalingReportNdrTo, 'journal@contoso.com');
  assert.deepEqual(config.InternalSMTPServers, ['10.0.0.1', '10.0.1.0/24']);
  assert.equal(config.Xexch50Enabled, false);
  await assertStoreError(() => setTransportConfig(ctx, { Xexch50Enabled: 'maybe' }), '"maybe" isn\'t a valid value for Xexch50Enabled; use $true or $false.', 'InvalidBoolean');
  await assertStoreError(() => setTransportConfig(ctx, { GenerateCopyOfDSNFor: ['5.4'] }), /"5.4" isn't a valid enhanced status code/);
  await assertStoreError(() => setTransportConfig(ctx, { Bogus: 1 } as never), "The property 'Bogus' can't be set here.", 'PropertyNotSettable');
});

test('on an Edge, properties the Edge does not use only warn', async (t) => {
  const ctx = openServerContext(await openTestState(t), undefined, {});
  assert.deepEqual(setTransportConfig(ctx, { MaxReceiveSize: '5MB' }).warnings, [EDGE_UNUSED_PROPERTIES_WARNING]);
  assert.deepEqual(setTransportConfig(ctx, { TLSSendDomainSecureList: 'woodgrovebank.com' }).warnings, []);
});

test('an unsubscribed Edge and the organisation keep separate transport settings', async (t) => {
  const state = await openTestState(t);
  state.documents.transaction((tx) => newServer(tx, { name: 'HUB1', fqdn: 'hub1.contoso.com', role: 'HubTransport' }));
  const edge = openServerContext(state, 'mail1', {});
  const hub = openServerContext(state, 'hub1', {});
  setTransportConfig(hub, { TLSSendDomainSecureList: 'woodgrovebank.com' });
  assert.deepEqual(getTransportConfig(hub).TLSSendDomainSecureList, ['woodgrovebank.com']);
  assert.deepEqual(getTransportConfig(edge).TLSSendDomainSecureList, []);
});

test('setting the values a property already has writes nothing and warns like Exchange', async (t) => {
  const state = await openTestState(t);
  const ctx = openServerContext(state, undefined, {});
  setTransportConfig(ctx, { TLSSendDomainSecureList: 'woodgrovebank.com' });
  const before = snapshotFolder(state.root);
  const { warnings } = setTransportConfig(ctx, { TLSSendDomainSecureList: ['woodgrovebank.com'] });
  assert.deepEqual(warnings, ["The command completed successfully but no settings of 'Transport Settings' have been modified."]);
  assert.deepEqual(snapshotFolder(state.root), before);
});
