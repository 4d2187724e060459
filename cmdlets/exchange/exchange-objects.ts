// Store records as the objects Exchange 2007 cmdlets write: Exchange's type names, every property
// in the order `Format-List` shows them (the object's own, alphabetical as Exchange 2007 lists them,
// then the directory properties), enums as enum values, sizes as `10MB`, time spans as TimeSpan. Accepted domains, servers and EdgeSync
// objects are in server-objects.ts.
import { addressSpace, ipBinding, ipRange } from './network-values.ts';
import { PSObject } from '../../src/runtime/values.ts';
import type { ReceiveConnector } from '../../src/store/receive-connector-defaults.ts';
import type { SendConnector } from '../../src/store/send-connector-defaults.ts';
import type { TransportConfig } from '../../src/store/transport-config.ts';
import { addDirectoryProperties, ROUTING_GROUP, ADMINISTRATIVE_GROUP, serverDn } from './exchange-directory.ts';
import type { DirectoryInfo } from './exchange-directory.ts';
import {
  AuthMechanismsEnum,
  DsnConversionOptionEnum,
  enumValue,
  HeaderPromotionModeEnum,
  PermissionGroupsEnum,
  ProtocolLoggingLevelEnum,
  SizeModeEnum,
  SmartHostAuthMechanismEnum,
} from './exchange-enums.ts';
import { byteQuantifiedSize, timeSpan, unlimitedByteSize, unlimitedCount } from './exchange-values.ts';

const DIRECTORY = 'Microsoft.Exchange.Data.Directory';
const BASE_TYPES = [`${DIRECTORY}.ADConfigurationObject`, `${DIRECTORY}.ADObject`, 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object'];

export const TRANSPORT_CONFIG_TYPE = `${DIRECTORY}.SystemConfiguration.TransportConfigContainer`;
export const SEND_CONNECTOR_TYPE = `${DIRECTORY}.SystemConfiguration.SmtpSendConnectorConfig`;
export const RECEIVE_CONNECTOR_TYPE = `${DIRECTORY}.SystemConfiguration.ReceiveConnector`;

/** A PSObject with these type names and properties, in order. */
export function exchangeObject(typeNames: string[], properties: [string, unknown][]): PSObject {
  const object = new PSObject(typeNames);
  for (const [name, value] of properties) object.setProperty(name, value);
  return object;
}

/** Get-TransportConfig. Property order: Exchange 2007 SP1's `Get-TransportConfig | fl`. */
export const TRANSPORT_CONFIG_PROPERTIES = [
  'ClearCategories',
  'DSNConversionMode',
  'GenerateCopyOfDSNFor',
  'InternalSMTPServers',
  'JournalingReportNdrTo',
  'MaxDumpsterSizePerStorageGroup',
  'MaxDumpsterTime',
  'MaxReceiveSize',
  'MaxRecipientEnvelopeLimit',
  'MaxSendSize',
  'TLSReceiveDomainSecureList',
  'TLSSendDomainSecureList',
  'VerifySecureSubmitEnabled',
  'VoicemailJournalingEnabled',
  'HeaderPromotionModeSetting',
  'WritingBrandingInDSNEnabled',
  'Xexch50Enabled',
] as const;

export function transportConfigObject(config: TransportConfig, info: DirectoryInfo): PSObject {
  const values: Record<(typeof TRANSPORT_CONFIG_PROPERTIES)[number], unknown> = {
    ClearCategories: config.ClearCategories,
    DSNConversionMode: enumValue(DsnConversionOptionEnum, config.DSNConversionMode),
    GenerateCopyOfDSNFor: [...config.GenerateCopyOfDSNFor],
    InternalSMTPServers: [...config.InternalSMTPServers],
    JournalingReportNdrTo: config.JournalingReportNdrTo,
    MaxDumpsterSizePerStorageGroup: unlimitedByteSize(config.MaxDumpsterSizePerStorageGroup),
    MaxDumpsterTime: timeSpan(config.MaxDumpsterTime),
    MaxReceiveSize: unlimitedByteSize(config.MaxReceiveSize),
    MaxRecipientEnvelopeLimit: unlimitedCount(config.MaxRecipientEnvelopeLimit),
    MaxSendSize: unlimitedByteSize(config.MaxSendSize),
    TLSReceiveDomainSecureList: [...config.TLSReceiveDomainSecureList],
    TLSSendDomainSecureList: [...config.TLSSendDomainSecureList],
    VerifySecureSubmitEnabled: config.VerifySecureSubmitEnabled,
    VoicemailJournalingEnabled: config.VoicemailJournalingEnabled,
    HeaderPromotionModeSetting: enumValue(HeaderPromotionModeEnum, config.HeaderPromotionModeSetting),
    WritingBrandingInDSNEnabled: config.WritingBrandingInDSNEnabled,
    Xexch50Enabled: config.Xexch50Enabled,
  };
  const object = exchangeObject(
    [TRANSPORT_CONFIG_TYPE, `${DIRECTORY}.ADContainer`, ...BASE_TYPES],
    TRANSPORT_CONFIG_PROPERTIES.map((name) => [name, values[name]]),
  );
  addDirectoryProperties(object, info, {
    name: config.Name,
    identity: config.Identity,
    guid: stableGuid(`transport-config:${info.organizationDn}`),
    distinguishedName: `CN=Transport Settings,${info.organizationDn}`,
    schemaClass: 'ms-Exch-Transport-Settings',
    objectClass: ['top', 'container', 'msExchTransportSettings'],
    whenChanged: config.WhenChanged,
    whenCreated: null,
  });
  return object;
}

export const SEND_CONNECTOR_PROPERTIES = [
  'AddressSpaces',
  'AuthenticationCredential',
  'Comment',
  'ConnectedDomains',
  'ConnectionInactivityTimeOut',
  'DNSRoutingEnabled',
  'DomainSecureEnabled',
  'Enabled',
  'ForceHELO',
  'Fqdn',
  'HomeMTA',
  'HomeMtaServerId',
  'Identity',
  'IgnoreSTARTTLS',
  'IsScopedConnector',
  'IsSmtpConnector',
  'LinkedReceiveConnector',
  'MaxMessageSize',
  'Name',
  'Port',
  'ProtocolLoggingLevel',
  'RequireTLS',
  'SmartHostAuthMechanism',
  'SmartHosts',
  'SmartHostsString',
  'SourceIPAddress',
  'SourceRoutingGroup',
  'SourceTransportServers',
  'UseExternalDNSServersEnabled',
] as const;

/** Get-SendConnector: the connector's own properties (Identity and Name among them) alphabetical as Exchange 2007 lists them. */
export function sendConnectorObject(connector: SendConnector, info: DirectoryInfo): PSObject {
  const values: Record<(typeof SEND_CONNECTOR_PROPERTIES)[number], unknown> = {
    AddressSpaces: connector.AddressSpaces.map(addressSpace),
    AuthenticationCredential: connector.AuthenticationCredential,
    Comment: connector.Comment,
    ConnectedDomains: [...connector.ConnectedDomains],
    ConnectionInactivityTimeOut: timeSpan(connector.ConnectionInactivityTimeOut),
    DNSRoutingEnabled: connector.DNSRoutingEnabled,
    DomainSecureEnabled: connector.DomainSecureEnabled,
    Enabled: connector.Enabled,
    ForceHELO: connector.ForceHELO,
    Fqdn: connector.Fqdn,
    HomeMTA: connector.HomeMTA,
    HomeMtaServerId: connector.HomeMtaServerId,
    Identity: connector.Identity,
    IgnoreSTARTTLS: connector.IgnoreSTARTTLS,
    IsScopedConnector: connector.IsScopedConnector,
    IsSmtpConnector: connector.IsSmtpConnector,
    LinkedReceiveConnector: connector.LinkedReceiveConnector,
    MaxMessageSize: unlimitedByteSize(connector.MaxMessageSize),
    Name: connector.Name,
    Port: connector.Port,
    ProtocolLoggingLevel: enumValue(ProtocolLoggingLevelEnum, connector.ProtocolLoggingLevel),
    RequireTLS: connector.RequireTLS,
    SmartHostAuthMechanism: enumValue(SmartHostAuthMechanismEnum, connector.SmartHostAuthMechanism),
    SmartHosts: [...connector.SmartHosts],
    SmartHostsString: connector.SmartHostsString,
    SourceIPAddress: connector.SourceIPAddress,
    SourceRoutingGroup: connector.SourceRoutingGroup,
    SourceTransportServers: [...connector.SourceTransportServers],
    UseExternalDNSServersEnabled: connector.UseExternalDNSServersEnabled,
  };
  const object = exchangeObject(
    [SEND_CONNECTOR_TYPE, `${DIRECTORY}.SystemConfiguration.SendConnector`, `${DIRECTORY}.SystemConfiguration.MailGateway`, ...BASE_TYPES],
    SEND_CONNECTOR_PROPERTIES.map((name) => [name, values[name]]),
  );
  addDirectoryProperties(object, info, {
    name: connector.Name,
    identity: connector.Identity,
    guid: connector.Guid,
    distinguishedName:
      `CN=${connector.Name},CN=Connections,CN=${ROUTING_GROUP},CN=Routing Groups,CN=${ADMINISTRATIVE_GROUP},` +
      `CN=Administrative Groups,${info.organizationDn}`,
    schemaClass: 'ms-Exch-Routing-SMTP-Connector',
    objectClass: ['top', 'mailGateway', 'msExchRoutingSMTPConnector'],
    whenChanged: connector.WhenChanged,
    whenCreated: connector.WhenCreated,
  });
  return object;
}

export const RECEIVE_CONNECTOR_PROPERTIES = [
  'AuthMechanism',
  'Banner',
  'BinaryMimeEnabled',
  'Bindings',
  'ChunkingEnabled',
  'Comment',
  'ConnectionInactivityTimeout',
  'ConnectionTimeout',
  'DefaultDomain',
  'DeliveryStatusNotificationEnabled',
  'DomainSecureEnabled',
  'EightBitMimeEnabled',
  'EnableAuthGSSAPI',
  'Enabled',
  'EnhancedStatusCodesEnabled',
  'Fqdn',
  'Identity',
  'LongAddressesEnabled',
  'MaxHeaderSize',
  'MaxHopCount',
  'MaxInboundConnection',
  'MaxInboundConnectionPercentagePerSource',
  'MaxInboundConnectionPerSource',
  'MaxLocalHopCount',
  'MaxLogonFailures',
  'MaxMessageSize',
  'MaxProtocolErrors',
  'MaxRecipientsPerMessage',
  'MessageRateLimit',
  'Name',
  'OrarEnabled',
  'PermissionGroups',
  'PipeliningEnabled',
  'ProtocolLoggingLevel',
  'RemoteIPRanges',
  'RequireEHLODomain',
  'RequireTLS',
  'Server',
  'SizeEnabled',
  'TarpitInterval',
] as const;

/** Get-ReceiveConnector: the connector's own properties (Identity and Name among them) alphabetical as Exchange 2007 lists them. */
export function receiveConnectorObject(connector: ReceiveConnector, info: DirectoryInfo): PSObject {
  const values: Record<(typeof RECEIVE_CONNECTOR_PROPERTIES)[number], unknown> = {
    AuthMechanism: enumValue(AuthMechanismsEnum, connector.AuthMechanism),
    Banner: connector.Banner,
    BinaryMimeEnabled: connector.BinaryMimeEnabled,
    Bindings: connector.Bindings.map(ipBinding),
    ChunkingEnabled: connector.ChunkingEnabled,
    Comment: connector.Comment,
    ConnectionInactivityTimeout: timeSpan(connector.ConnectionInactivityTimeout),
    ConnectionTimeout: timeSpan(connector.ConnectionTimeout),
    DefaultDomain: connector.DefaultDomain,
    DeliveryStatusNotificationEnabled: connector.DeliveryStatusNotificationEnabled,
    DomainSecureEnabled: connector.DomainSecureEnabled,
    EightBitMimeEnabled: connector.EightBitMimeEnabled,
    EnableAuthGSSAPI: connector.EnableAuthGSSAPI,
    Enabled: connector.Enabled,
    EnhancedStatusCodesEnabled: connector.EnhancedStatusCodesEnabled,
    Fqdn: connector.Fqdn,
    Identity: connector.Identity,
    LongAddressesEnabled: connector.LongAddressesEnabled,
    MaxHeaderSize: byteQuantifiedSize(connector.MaxHeaderSize),
    MaxHopCount: connector.MaxHopCount,
    MaxInboundConnection: unlimitedCount(connector.MaxInboundConnection),
    MaxInboundConnectionPercentagePerSource: connector.MaxInboundConnectionPercentagePerSource,
    MaxInboundConnectionPerSource: unlimitedCount(connector.MaxInboundConnectionPerSource),
    MaxLocalHopCount: connector.MaxLocalHopCount,
    MaxLogonFailures: connector.MaxLogonFailures,
    MaxMessageSize: connector.MaxMessageSize === 'Unlimited' ? unlimitedByteSize('Unlimited') : byteQuantifiedSize(connector.MaxMessageSize),
    MaxProtocolErrors: unlimitedCount(connector.MaxProtocolErrors),
    MaxRecipientsPerMessage: connector.MaxRecipientsPerMessage,
    MessageRateLimit: unlimitedCount(connector.MessageRateLimit),
    Name: connector.Name,
    OrarEnabled: connector.OrarEnabled,
    PermissionGroups: enumValue(PermissionGroupsEnum, connector.PermissionGroups),
    PipeliningEnabled: connector.PipeliningEnabled,
    ProtocolLoggingLevel: enumValue(ProtocolLoggingLevelEnum, connector.ProtocolLoggingLevel),
    RemoteIPRanges: connector.RemoteIPRanges.map(ipRange),
    RequireEHLODomain: connector.RequireEHLODomain,
    RequireTLS: connector.RequireTLS,
    Server: connector.Server,
    SizeEnabled: enumValue(SizeModeEnum, connector.SizeEnabled),
    TarpitInterval: timeSpan(connector.TarpitInterval),
  };
  const object = exchangeObject(
    [RECEIVE_CONNECTOR_TYPE, ...BASE_TYPES],
    RECEIVE_CONNECTOR_PROPERTIES.map((name) => [name, values[name]]),
  );
  addDirectoryProperties(object, info, {
    name: connector.Name,
    identity: connector.Identity,
    guid: connector.Guid,
    distinguishedName: `CN=${connector.Name},CN=SMTP Receive Connectors,CN=Protocols,${serverDn(info, connector.Server)}`,
    schemaClass: 'ms-Exch-Smtp-Receive-Connector',
    objectClass: ['top', 'msExchSmtpReceiveConnector'],
    whenChanged: connector.WhenChanged,
    whenCreated: connector.WhenCreated,
  });
  return object;
}

/** A GUID derived from a text, for singletons the store keeps without one (TransportConfig). */
export function stableGuid(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const words: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < text.length; i++) {
      h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
      h2 = Math.imul(h2 + text.charCodeAt(i) + round, 0x85ebca6b) >>> 0;
    }
    words.push((h1 ^ h2) >>> 0);
  }
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
