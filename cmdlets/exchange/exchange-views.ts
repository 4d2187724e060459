// The Exchange objects' default views (Exchange.format.ps1xml): tables for Get-SendConnector,
// Get-ReceiveConnector, Get-AcceptedDomain, Get-ExchangeServer and Get-EdgeSubscription. `Format-List`
// has no view of its own: it shows every property in the objects' order (exchange-objects.ts).
// A table is registered first: it is what Out-Default uses.
import { registerView } from '../../src/format/views.ts';
import { RECEIVE_CONNECTOR_TYPE, SEND_CONNECTOR_TYPE } from './exchange-objects.ts';
import { ACCEPTED_DOMAIN_TYPE, EDGE_SUBSCRIPTION_TYPE, EXCHANGE_SERVER_TYPE } from './server-objects.ts';

registerView(SEND_CONNECTOR_TYPE, { kind: 'table', columns: ['Identity', 'AddressSpaces', 'Enabled'] });

registerView(RECEIVE_CONNECTOR_TYPE, { kind: 'table', columns: ['Identity', 'Bindings', 'Enabled'] });

registerView(ACCEPTED_DOMAIN_TYPE, { kind: 'table', columns: ['Name', 'DomainName', 'DomainType', 'Default'] });

registerView(EXCHANGE_SERVER_TYPE, { kind: 'table', columns: ['Name', 'Site', 'ServerRole', 'Edition', 'AdminDisplayVersion'] });

registerView(EDGE_SUBSCRIPTION_TYPE, { kind: 'table', columns: ['Name', 'Site', 'Domain'] });
