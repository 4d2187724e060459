// The Exchange objects' default views (Exchange.format.ps1xml): tables for Get-SendConnector,
// Get-ReceiveConnector, Get-AcceptedDomain, Get-ExchangeServer and Get-EdgeSubscription, and the
// `Format-List` views of connectors and TransportConfig (Exchange 2007 lists the object's own
// properties, Identity and Name among them, alphabetically; `Format-List *` shows every property).
// The table is registered first: it is what Out-Default uses.
import { registerView } from '../../src/format/views.ts';
import {
  RECEIVE_CONNECTOR_PROPERTIES,
  RECEIVE_CONNECTOR_TYPE,
  SEND_CONNECTOR_PROPERTIES,
  SEND_CONNECTOR_TYPE,
  TRANSPORT_CONFIG_PROPERTIES,
  TRANSPORT_CONFIG_TYPE,
} from './exchange-objects.ts';
import { ACCEPTED_DOMAIN_TYPE, EDGE_SUBSCRIPTION_TYPE, EXCHANGE_SERVER_TYPE } from './server-objects.ts';

/** Names in Exchange's list order: ordinal, ignoring case (`DNSRoutingEnabled` before `DomainSecureEnabled`). */
export function exchangeListOrder(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export const SEND_CONNECTOR_LIST = exchangeListOrder([...SEND_CONNECTOR_PROPERTIES, 'Identity', 'Name']);
export const RECEIVE_CONNECTOR_LIST = exchangeListOrder([...RECEIVE_CONNECTOR_PROPERTIES, 'Identity', 'Name']);

registerView(SEND_CONNECTOR_TYPE, { kind: 'table', columns: ['Identity', 'AddressSpaces', 'Enabled'] });
registerView(SEND_CONNECTOR_TYPE, { kind: 'list', properties: SEND_CONNECTOR_LIST });

registerView(RECEIVE_CONNECTOR_TYPE, { kind: 'table', columns: ['Identity', 'Bindings', 'Enabled'] });
registerView(RECEIVE_CONNECTOR_TYPE, { kind: 'list', properties: RECEIVE_CONNECTOR_LIST });

registerView(TRANSPORT_CONFIG_TYPE, { kind: 'list', properties: [...TRANSPORT_CONFIG_PROPERTIES] });

registerView(ACCEPTED_DOMAIN_TYPE, { kind: 'table', columns: ['Name', 'DomainName', 'DomainType', 'Default'] });

registerView(EXCHANGE_SERVER_TYPE, { kind: 'table', columns: ['Name', 'Site', 'ServerRole', 'Edition', 'AdminDisplayVersion'] });

registerView(EDGE_SUBSCRIPTION_TYPE, { kind: 'table', columns: ['Name', 'Site', 'Domain'] });
registerView(EDGE_SUBSCRIPTION_TYPE, { kind: 'list', properties: ['Name', 'Site', 'Domain', 'SubscribedAt', 'LastSynchronizedAt'] });
