// Accepted domains, Exchange servers and EdgeSync objects as Exchange 2007 cmdlets write them
// (connectors and TransportConfig are in exchange-objects.ts).
import { PSObject } from '../../src/runtime/values.ts';
import type { AcceptedDomain } from '../../src/store/accepted-domains.ts';
import type { EdgeSyncResult } from '../../src/store/edge-sync.ts';
import type { ExchangeServer } from '../../src/store/servers.ts';
import { addDirectoryProperties, ADMINISTRATIVE_GROUP, serverDn, siteText } from './exchange-directory.ts';
import type { DirectoryInfo } from './exchange-directory.ts';
import { AcceptedDomainTypeEnum, enumValue, ServerRoleEnum } from './exchange-enums.ts';
import { exchangeObject } from './exchange-objects.ts';
import { dateTime } from './exchange-values.ts';

const DIRECTORY = 'Microsoft.Exchange.Data.Directory';
const BASE_TYPES = [`${DIRECTORY}.ADConfigurationObject`, `${DIRECTORY}.ADObject`, 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object'];

export const ACCEPTED_DOMAIN_TYPE = `${DIRECTORY}.SystemConfiguration.AcceptedDomain`;
export const EXCHANGE_SERVER_TYPE = `${DIRECTORY}.Management.ExchangeServer`;
export const EDGE_SUBSCRIPTION_TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.EdgeSubscription';
export const EDGE_SYNC_RESULT_TYPE = 'Microsoft.Exchange.EdgeSync.Common.Status';

export function acceptedDomainObject(domain: AcceptedDomain, info: DirectoryInfo): PSObject {
  const object = exchangeObject(
    [ACCEPTED_DOMAIN_TYPE, ...BASE_TYPES],
    [
      ['DomainName', domain.DomainName],
      ['DomainType', enumValue(AcceptedDomainTypeEnum, domain.DomainType)],
      ['Default', domain.Default],
    ],
  );
  addDirectoryProperties(object, info, {
    name: domain.Name,
    identity: domain.Identity,
    guid: domain.Guid,
    distinguishedName: `CN=${domain.Name},CN=Accepted Domains,CN=Transport Settings,${info.organizationDn}`,
    schemaClass: 'ms-Exch-Accepted-Domain',
    objectClass: ['top', 'msExchAcceptedDomain'],
    whenChanged: domain.WhenCreated,
    whenCreated: domain.WhenCreated,
  });
  return object;
}

/** The AD domain of a server: its FQDN without the first label. */
export function serverDomain(server: ExchangeServer): string {
  const dot = server.Fqdn.indexOf('.');
  return dot > 0 ? server.Fqdn.slice(dot + 1) : server.Fqdn;
}

export function exchangeServerObject(server: ExchangeServer, info: DirectoryInfo): PSObject {
  const hub = server.ServerRole === 'HubTransport';
  const object = exchangeObject(
    [EXCHANGE_SERVER_TYPE, 'Microsoft.Exchange.Data.Directory.ADPresentationObject', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object'],
    [
      ['Name', server.Name],
      ['Domain', serverDomain(server)],
      ['Edition', 'Standard'],
      ['ExchangeLegacyDN', `/o=${info.organization}/ou=${ADMINISTRATIVE_GROUP}/cn=Configuration/cn=Servers/cn=${server.Name}`],
      ['Fqdn', server.Fqdn],
      ['IsHubTransportServer', server.IsHubTransportServer],
      ['IsClientAccessServer', false],
      ['IsExchange2007OrLater', true],
      ['IsEdgeServer', server.IsEdgeServer],
      ['IsMailboxServer', false],
      ['IsProvisionedServer', false],
      ['IsUnifiedMessagingServer', false],
      ['OrganizationalUnit', `${serverDomain(server)}/${server.Name}`],
      ['AdminDisplayVersion', server.AdminDisplayVersion],
      ['Site', hub ? siteText(info, server.Site) : null],
      ['ServerRole', enumValue(ServerRoleEnum, server.ServerRole)],
    ],
  );
  addDirectoryProperties(object, info, {
    name: server.Name,
    identity: server.Identity,
    guid: server.Guid,
    distinguishedName: serverDn(info, server.Name),
    schemaClass: 'ms-Exch-Exchange-Server',
    objectClass: ['top', 'server', 'msExchExchangeServer'],
    whenChanged: server.EdgeSubscription?.LastSynchronizedAt ?? server.WhenCreated,
    whenCreated: server.WhenCreated,
  });
  return object;
}

/** Get-EdgeSubscription: one subscribed Edge server (Name, Site, Domain). */
export function edgeSubscriptionObject(server: ExchangeServer, info: DirectoryInfo): PSObject {
  const object = exchangeObject(
    [EDGE_SUBSCRIPTION_TYPE, ...BASE_TYPES],
    [
      ['Name', server.Name],
      ['Site', siteText(info, server.EdgeSubscription?.Site ?? null)],
      ['Domain', serverDomain(server)],
      ['SubscribedAt', dateTime(server.EdgeSubscription?.SubscribedAt)],
      ['LastSynchronizedAt', dateTime(server.EdgeSubscription?.LastSynchronizedAt)],
    ],
  );
  addDirectoryProperties(object, info, {
    name: server.Name,
    identity: server.Name,
    guid: server.Guid,
    distinguishedName: serverDn(info, server.Name),
    schemaClass: 'ms-Exch-Exchange-Server',
    objectClass: ['top', 'server', 'msExchExchangeServer'],
    whenChanged: server.EdgeSubscription?.LastSynchronizedAt ?? server.EdgeSubscription?.SubscribedAt,
    whenCreated: server.EdgeSubscription?.SubscribedAt,
  });
  return object;
}

/** Start-EdgeSynchronization: the result of one synchronisation of one Edge server. */
export function edgeSyncResultObject(result: EdgeSyncResult): PSObject {
  return exchangeObject(
    [EDGE_SYNC_RESULT_TYPE, 'System.Object'],
    [
      ['Result', result.Result],
      ['Type', result.Type],
      ['Name', result.Name],
      ['FailureDetails', result.FailureDetails],
      ['StartUTC', dateTime(result.StartUTC)],
      ['EndUTC', dateTime(result.EndUTC)],
      ['Added', result.Added],
      ['Deleted', result.Deleted],
      ['Updated', result.Updated],
      ['Scanned', result.Scanned],
      ['TargetScanned', result.TargetScanned],
    ],
  );
}
