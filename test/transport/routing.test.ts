import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressSpaceSpecificity, deliveryTypeOf, selectSendConnector } from '../../src/transport/routing.ts';
import { internetSendConnector } from './helpers/organisations.ts';

test('addressSpaceSpecificity() ranks exact over wildcard over *', () => {
  const exact = addressSpaceSpecificity('woodgrovebank.com', 'woodgrovebank.com')!;
  const wildcard = addressSpaceSpecificity('*.woodgrovebank.com', 'woodgrovebank.com')!;
  const star = addressSpaceSpecificity('*', 'woodgrovebank.com')!;
  assert.ok(exact > wildcard && wildcard > star);
  assert.equal(addressSpaceSpecificity('*.woodgrovebank.com', 'mail.woodgrovebank.com'), wildcard);
  assert.equal(addressSpaceSpecificity('*.woodgrovebank.com', 'fabrikam.com'), undefined);
  assert.equal(addressSpaceSpecificity('woodgrovebank.com', 'mail.woodgrovebank.com'), undefined);
});

test('selectSendConnector() picks the most specific match, then the lowest cost, skipping disabled ones', () => {
  const internet = internetSendConnector('mail.contoso.com');
  const partner = internetSendConnector('mail.contoso.com', { name: 'Partner', addressSpaces: [{ domain: 'woodgrovebank.com', cost: 5 }] });
  const cheap = internetSendConnector('mail.contoso.com', { name: 'Cheap', addressSpaces: [{ domain: '*', cost: 0 }], dnsRoutingEnabled: false, smartHosts: [{ host: 'relay' }] });
  const disabled = internetSendConnector('mail.contoso.com', { name: 'Off', addressSpaces: [{ domain: 'woodgrovebank.com', cost: 1 }], enabled: false });
  assert.equal(selectSendConnector([internet, partner, cheap, disabled], 'woodgrovebank.com')?.connector.name, 'Partner');
  const other = selectSendConnector([internet, partner, cheap], 'fabrikam.com');
  assert.equal(other?.connector.name, 'Cheap');
  assert.equal(deliveryTypeOf(other), 'SmartHostConnectorDelivery');
  assert.equal(deliveryTypeOf(selectSendConnector([internet], 'fabrikam.com')), 'DnsConnectorDelivery');
  assert.equal(deliveryTypeOf(selectSendConnector([partner], 'fabrikam.com')), 'Unreachable');
});
