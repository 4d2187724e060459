// The Exchange objects as a user sees them: the default tables, `Format-List` in Exchange's order,
// `Format-List *` with every property, Exchange's type names, enums and sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EnumValue, PSObject } from '../../../src/runtime/values.ts';
import { AuthMechanismsEnum, PermissionGroupsEnum, ProtocolLoggingLevelEnum } from '../../../cmdlets/exchange/exchange-enums.ts';
import { labShell, ok } from './helpers.ts';

const DIRECTORY_PROPERTIES = [
  'AdminDisplayName',
  'ExchangeVersion',
  'Name',
  'DistinguishedName',
  'Identity',
  'Guid',
  'ObjectCategory',
  'ObjectClass',
  'WhenChanged',
  'WhenCreated',
  'OriginatingServer',
  'IsValid',
];

/** After the object's own properties (Identity and Name among them), Format-List shows these. */
const DIRECTORY_TAIL = DIRECTORY_PROPERTIES.filter((name) => name !== 'Name' && name !== 'Identity');

const lines = (...text: string[]) => `\n${text.join('\n')}\n\n`;

/** Format-List text with GUIDs, dates and configuration GUIDs replaced, to compare exactly. */
function normalized(text: string): string {
  return text
    .replace(/\{([0-9A-F-]+)\n\s+([0-9A-F-]+)\}/g, '{$1$2}') // a GUID the list wrapped
    .replace(/\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/gi, '<guid>')
    .replace(/\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M/g, '<date>');
}

describe('default views', () => {
  it('tables: Get-SendConnector, Get-ReceiveConnector, Get-AcceptedDomain, Get-ExchangeServer, Get-EdgeSubscription', async (t) => {
    const shell = await labShell(t);
    assert.equal(
      await ok(shell, 'Get-SendConnector'),
      lines(
        'Identity                                      AddressSpaces Enabled',
        '--------                                      ------------- -------',
        'EdgeSync - Inbound to Default-First-Site-Name {SMTP:--;100} True',
        'Internet                                      {SMTP:*;1}    True',
      ),
    );
    assert.equal(
      await ok(shell, 'Get-ReceiveConnector'),
      lines(
        'Identity                                       Bindings         Enabled',
        '--------                                       --------         -------',
        'mail1\\Default internal receive connector mail1 {0.0.0.0:25}     False',
        'mail1\\Inet                                     {127.0.0.1:2525} True',
      ),
    );
    assert.equal(
      await ok(shell, 'Get-AcceptedDomain'),
      lines('Name        DomainName  DomainType    Default', '----        ----------  ----------    -------', 'contoso.com contoso.com Authoritative True'),
    );
    assert.equal(
      await ok(shell, 'Get-ExchangeServer'),
      lines(
        'Name  Site                                                    ServerRole   Edition  AdminDisplayVersion',
        '----  ----                                                    ----------   -------  -------------------',
        'mail1                                                         Edge         Standard Version 8.1 (Build 240.6)',
        'mail2                                                         Edge         Standard Version 8.1 (Build 240.6)',
        'hub1  contoso.com/Configuration/Sites/Default-First-Site-Name HubTransport Standard Version 8.1 (Build 240.6)',
      ),
    );
    assert.equal(
      await ok(shell, 'Get-EdgeSubscription mail2'),
      lines('Name  Site                                                    Domain', '----  ----                                                    ------', 'mail2 contoso.com/Configuration/Sites/Default-First-Site-Name mail.contoso.com'),
    );
  });

  it('Format-List of a send connector: its own properties, Identity and Name among them, alphabetically, then the directory ones', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'Set-SendConnector Internet -DomainSecureEnabled:$True -ProtocolLoggingLevel Verbose');
    assert.equal(
      normalized(await ok(shell, 'Get-SendConnector Internet | Format-List')),
      `\n${[
        'AddressSpaces                : {SMTP:*;1}',
        'AuthenticationCredential     : ',
        'Comment                      : ',
        'ConnectedDomains             : {}',
        'ConnectionInactivityTimeOut  : 00:10:00',
        'DNSRoutingEnabled            : True',
        'DomainSecureEnabled          : True',
        'Enabled                      : True',
        'ForceHELO                    : False',
        'Fqdn                         : mail.contoso.com',
        'HomeMTA                      : Microsoft MTA',
        'HomeMtaServerId              : mail1',
        'Identity                     : Internet',
        'IgnoreSTARTTLS               : False',
        'IsScopedConnector            : False',
        'IsSmtpConnector              : True',
        'LinkedReceiveConnector       : ',
        'MaxMessageSize               : 10MB',
        'Name                         : Internet',
        'Port                         : 25',
        'ProtocolLoggingLevel         : Verbose',
        'RequireTLS                   : False',
        'SmartHostAuthMechanism       : None',
        'SmartHosts                   : {}',
        'SmartHostsString             : ',
        'SourceIPAddress              : 0.0.0.0',
        'SourceRoutingGroup           : Exchange Routing Group (DWBGZMFD01QNBJR)',
        'SourceTransportServers       : {mail1, mail2}',
        'UseExternalDNSServersEnabled : False',
        'AdminDisplayName             : ',
        'ExchangeVersion              : 0.1 (8.0.535.0)',
        'DistinguishedName            : CN=Internet,CN=Connections,CN=Exchange Routing Group (DWBGZMFD01QNBJR),CN=Routing ',
        '                               Groups,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative ',
        '                               Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com',
        'Guid                         : <guid>',
        'ObjectCategory               : contoso.com/Configuration/Schema/ms-Exch-Routing-SMTP-Connector',
        'ObjectClass                  : {top, mailGateway, msExchRoutingSMTPConnector}',
        'WhenChanged                  : <date>',
        'WhenCreated                  : <date>',
        'OriginatingServer            : hub1.contoso.com',
        'IsValid                      : True',
      ].join('\n')}\n\n\n`,
    );
  });

  it('Format-List of a receive connector and of TransportConfig', async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS');
    assert.equal(
      normalized(await ok(shell, 'Get-ReceiveConnector Inet | Format-List')),
      `\n${[
        'AuthMechanism                           : Tls',
        'Banner                                  : ',
        'BinaryMimeEnabled                       : True',
        'Bindings                                : {127.0.0.1:2525}',
        'ChunkingEnabled                         : True',
        'Comment                                 : ',
        'ConnectionInactivityTimeout             : 00:01:00',
        'ConnectionTimeout                       : 00:05:00',
        'DefaultDomain                           : ',
        'DeliveryStatusNotificationEnabled       : True',
        'DomainSecureEnabled                     : True',
        'EightBitMimeEnabled                     : True',
        'EnableAuthGSSAPI                        : False',
        'Enabled                                 : True',
        'EnhancedStatusCodesEnabled              : True',
        'Fqdn                                    : mail1.contoso.com',
        'Identity                                : mail1\\Inet',
        'LongAddressesEnabled                    : False',
        'MaxHeaderSize                           : 64KB',
        'MaxHopCount                             : 30',
        'MaxInboundConnection                    : 5000',
        'MaxInboundConnectionPercentagePerSource : 2',
        'MaxInboundConnectionPerSource           : 20',
        'MaxLocalHopCount                        : 8',
        'MaxLogonFailures                        : 3',
        'MaxMessageSize                          : 10MB',
        'MaxProtocolErrors                       : 5',
        'MaxRecipientsPerMessage                 : 200',
        'MessageRateLimit                        : 600',
        'Name                                    : Inet',
        'OrarEnabled                             : False',
        'PermissionGroups                        : AnonymousUsers',
        'PipeliningEnabled                       : True',
        'ProtocolLoggingLevel                    : None',
        'RemoteIPRanges                          : {0.0.0.0-255.255.255.255}',
        'RequireEHLODomain                       : False',
        'RequireTLS                              : False',
        'Server                                  : mail1',
        'SizeEnabled                             : Enabled',
        'TarpitInterval                          : 00:00:05',
        'AdminDisplayName                        : ',
        'ExchangeVersion                         : 0.1 (8.0.535.0)',
        'DistinguishedName                       : CN=Inet,CN=SMTP Receive ',
        '                                          Connectors,CN=Protocols,CN=mail1,CN=Servers,CN=Exchange Administrative Group ',
        '                                          (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN',
        '                                          =Services,CN=Configuration,CN=<guid>',
        'Guid                                    : <guid>',
        'ObjectCategory                          : CN=ms-Exch-Smtp-Receive-Connector,CN=Schema,CN=Configuration,CN=<guid>',
        'ObjectClass                             : {top, msExchSmtpReceiveConnector}',
        'WhenChanged                             : <date>',
        'WhenCreated                             : <date>',
        'OriginatingServer                       : localhost',
        'IsValid                                 : True',
      ].join('\n')}\n\n\n`,
    );
    assert.equal(
      normalized(await ok(shell, 'Get-TransportConfig')),
      `\n${[
        'ClearCategories                : True',
        'DSNConversionMode              : UseExchangeDSNs',
        'GenerateCopyOfDSNFor           : {5.4.8, 5.4.6, 5.4.4, 5.2.4...}',
        'InternalSMTPServers            : {}',
        'JournalingReportNdrTo          : ',
        'MaxDumpsterSizePerStorageGroup : 18MB',
        'MaxDumpsterTime                : 7.00:00:00',
        'MaxReceiveSize                 : 10MB',
        'MaxRecipientEnvelopeLimit      : 5000',
        'MaxSendSize                    : 10MB',
        'TLSReceiveDomainSecureList     : {}',
        'TLSSendDomainSecureList        : {}',
        'VerifySecureSubmitEnabled      : False',
        'VoicemailJournalingEnabled     : True',
        'HeaderPromotionModeSetting     : NoCreate',
        'WritingBrandingInDSNEnabled    : True',
        'Xexch50Enabled                 : True',
        'AdminDisplayName               : ',
        'ExchangeVersion                : 0.1 (8.0.535.0)',
        'Name                           : Transport Settings',
        'DistinguishedName              : CN=Transport Settings,CN=Contoso,CN=Microsoft ',
        '                                 Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com',
        'Identity                       : Transport Settings',
        'Guid                           : <guid>',
        'ObjectCategory                 : contoso.com/Configuration/Schema/ms-Exch-Transport-Settings',
        'ObjectClass                    : {top, container, msExchTransportSettings}',
        'WhenChanged                    : ',
        'WhenCreated                    : ',
        'OriginatingServer              : hub1.contoso.com',
        'IsValid                        : True',
      ].join('\n')}\n\n\n`,
    );
  });

  it('every property, in order, with the directory properties last', async (t) => {
    const shell = await labShell(t);
    const names = async (code: string) => ((await shell.values(code))[0] as PSObject).propertyNames();
    const alphabetical = (list: string[]) => [...list].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    for (const [code, own] of [
      ['Get-SendConnector Internet', 29],
      ['Get-ReceiveConnector Inet', 40],
    ] as const) {
      const list = await names(code);
      assert.deepEqual(list.slice(0, own), alphabetical(list.slice(0, own)), `${code}: own properties in Exchange's order`);
      assert.ok(list.slice(0, own).includes('Identity') && list.slice(0, own).includes('Name'));
      assert.deepEqual(list.slice(own), DIRECTORY_TAIL, `${code}: then the directory properties`);
    }
    assert.deepEqual((await names('Get-TransportConfig')).slice(-DIRECTORY_PROPERTIES.length), DIRECTORY_PROPERTIES);
    assert.deepEqual((await names('Get-AcceptedDomain')).slice(-DIRECTORY_PROPERTIES.length), DIRECTORY_PROPERTIES);
    const all = await ok(shell, 'Get-ReceiveConnector Inet | Format-List');
    assert.match(all, /ExchangeVersion\s+: 0\.1 \(8\.0\.535\.0\)/);
    assert.match(all, /ObjectClass\s+: \{top, msExchSmtpReceiveConnector\}/);
    assert.match(all, /OriginatingServer\s+: localhost\n/, "an Edge's objects come from its own directory");
  });

  it("Exchange's type names, enum values, sizes and time spans", async (t) => {
    const shell = await labShell(t);
    await ok(shell, 'Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose');
    const [inet] = (await shell.values('Get-ReceiveConnector Inet')) as PSObject[];
    assert.equal(inet!.typeName, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector');
    const auth = inet!.getProperty('AuthMechanism') as EnumValue;
    assert.equal(auth.type, AuthMechanismsEnum);
    assert.equal((inet!.getProperty('ProtocolLoggingLevel') as EnumValue).type, ProtocolLoggingLevelEnum);
    assert.equal(String(inet!.getProperty('PermissionGroups')), 'AnonymousUsers');
    assert.equal((inet!.getProperty('PermissionGroups') as EnumValue).type, PermissionGroupsEnum);
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).ProtocolLoggingLevel -eq "Verbose"'), 'True\n');
    assert.equal(await ok(shell, '(Get-ReceiveConnector "mail1\\Default internal receive connector mail1").AuthMechanism'), 'Tls, ExchangeServer\n');
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).MaxMessageSize.ToMB()'), '10\n');
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).ConnectionTimeout.TotalMinutes'), '5\n');
    assert.equal(await ok(shell, '"$((Get-SendConnector Internet).MaxMessageSize)"'), '10MB\n');
    assert.equal(await ok(shell, '"$(Get-SendConnector Internet)"'), 'Internet\n', 'an Exchange object shows as its identity');
    for (const [code, type] of [
      ['Get-SendConnector Internet', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig'],
      ['Get-TransportConfig', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer'],
      ['Get-AcceptedDomain', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain'],
      ['Get-ExchangeServer hub1', 'Microsoft.Exchange.Data.Directory.Management.ExchangeServer'],
    ] as const) {
      assert.equal(((await shell.values(code))[0] as PSObject).typeName, type, code);
    }
    // Sizes given back to a Set- cmdlet keep their exact value.
    await ok(shell, 'Set-SendConnector Internet -MaxMessageSize 1500000');
    await ok(shell, 'Set-ReceiveConnector Inet -MaxMessageSize (Get-SendConnector Internet).MaxMessageSize');
    assert.equal(await ok(shell, '(Get-ReceiveConnector Inet).MaxMessageSize.ToBytes()'), '1500000\n');
    assert.equal(await ok(shell, '"$((Get-ReceiveConnector Inet).MaxMessageSize)"'), '1.43MB\n');
  });
});
