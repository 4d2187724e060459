// Bad input through the cmdlets: each case must write exactly one error with Exchange's message and
// FullyQualifiedErrorId `<ErrorId>,<task>`, and leave every file of the state root as it was.
import { describe, it } from 'node:test';
import { failsWith, labShell } from './helpers.ts';

const TASKS = 'Microsoft.Exchange.Management.SystemConfigurationTasks';
const fqid = (errorId: string, cmdlet: string) => `${errorId},${TASKS}.${cmdlet.replace('-', '')}`;

interface Case {
  code: string;
  message: string;
  errorId: string;
  /** The whole FullyQualifiedErrorId, when it is not `<errorId>,<Exchange task of the first word>`. */
  fullId?: string;
  /** Commands run first. */
  setup?: string;
}

const NOT_FOUND = (identity: string, where: string) => `The operation couldn't be performed because object '${identity}' couldn't be found on '${where}'.`;
const HUB = 'hub1.contoso.com';
const MAIL1 = 'mail1.contoso.com';

async function check(t: Parameters<typeof labShell>[0], cases: Case[]): Promise<void> {
  const shell = await labShell(t);
  for (const c of cases) {
    if (c.setup) await shell.run(c.setup);
    await failsWith(shell, c.code, c.message, c.fullId ?? fqid(c.errorId, c.code.split(' ')[0]!));
  }
}

describe('validation errors through the cmdlets', () => {
  it('transport config: malformed domains, wildcards, too many entries, bad updates', async (t) => {
    await check(t, [
      { code: "Set-TransportConfig -TLSSendDomainSecureList 'woodgrove bank.com'", message: '"woodgrove bank.com" isn\'t a valid SMTP domain.', errorId: 'InvalidSmtpDomainName' },
      { code: "Set-TransportConfig -TLSReceiveDomainSecureList '*.woodgrovebank.com'", message: '"*.woodgrovebank.com" isn\'t a valid SMTP domain.', errorId: 'InvalidSmtpDomainName' },
      {
        code: 'Set-TransportConfig -TLSSendDomainSecureList @{Add=(1..257 | ForEach-Object { "d$_.com" })}',
        message: 'TLSSendDomainSecureList has too many items: allowed maximum count is 256, actual count is 257.',
        errorId: 'ExceededMaximumCollectionCount',
      },
      {
        code: "Set-TransportConfig -TLSSendDomainSecureList @{Insert='fabrikam.com'}",
        message: `A multi-valued property update takes the keys Add and Remove only, not 'Insert'; for example @{Add="contoso.com"; Remove="fabrikam.com"}.`,
        errorId: 'InvalidMultiValuedUpdate',
      },
      {
        code: 'Set-TransportConfig -MaxSendSize lots',
        message: '"lots" isn\'t a valid size for MaxSendSize; specify a number of bytes or a value such as 10MB from 0 through 2147483648 bytes, or Unlimited.',
        errorId: 'InvalidByteQuantifiedSize',
      },
    ]);
  });

  it('send connectors: unknown, duplicate, malformed values and conflicting settings', async (t) => {
    await check(t, [
      { code: 'Set-SendConnector Nope -Enabled $false', message: NOT_FOUND('Nope', HUB), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      { code: 'Get-SendConnector Nope', message: NOT_FOUND('Nope', HUB), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      { code: 'Remove-SendConnector Nope -Confirm:$false', message: NOT_FOUND('Nope', HUB), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      {
        code: 'New-SendConnector Internet -AddressSpaces *',
        message: `A send connector named 'Internet' already exists on '${HUB}'; choose a different name.`,
        errorId: 'ObjectAlreadyExists',
      },
      {
        code: "New-SendConnector Partners -AddressSpaces '*woodgrovebank.com'",
        message: "The wildcard '*' should be followed by a '.' for the domain",
        errorId: 'InvalidSmtpDomainWildcard',
      },
      { code: "Set-SendConnector Internet -Fqdn 'mail contoso'", message: '"mail contoso" isn\'t a valid fully qualified domain name (FQDN).', errorId: 'InvalidFqdn' },
      {
        code: 'Set-SendConnector Internet -SmartHosts smarthost.contoso.com -DomainSecureEnabled $true',
        message: "The DomainSecureEnabled parameter can't be set to $True unless the DNSRoutingEnabled parameter is also set to $True.",
        errorId: 'DomainSecureEnabledWithoutDNSRoutingEnabled',
      },
      {
        code: 'Set-SendConnector Internet -IgnoreSTARTTLS $true -DomainSecureEnabled $true',
        message: "The DomainSecureEnabled parameter can't be set to $True if the IgnoreSTARTTLS parameter is set to $True.",
        errorId: 'DomainSecureEnabledWithIgnoreStartTLSEnabled',
      },
      { code: 'Set-SendConnector Internet -RequireTLS $true -IgnoreSTARTTLS $true', message: "RequireTLS and IgnoreTLS can't both be set.", errorId: 'IgnoreRequireTLSConflict' },
      {
        code: 'Set-SendConnector Internet -DNSRoutingEnabled $true -SmartHosts 10.0.0.1',
        message: 'You must not set the DNSRoutingEnabled parameter to $true if smart hosts are used.',
        errorId: 'DNSRoutingEnabledMustNotBeSpecified',
      },
      { code: 'Set-SendConnector Internet -DNSRoutingEnabled $false', message: 'You must specify a smart host if you are not using DNS to route mails.', errorId: 'SmartHostNotSet' },
      {
        code: 'New-SendConnector Woodgrove -AddressSpaces woodgrovebank.com -Internet -Partner',
        message: 'At most one of the following parameters can be specified: -usage, -internet, -internal, -partner, -custom.',
        errorId: 'NewSendConnectorIncorrectUsageParameters',
      },
      { code: 'Set-SendConnector Internet -SourceTransportServers mail1,nosuch', message: NOT_FOUND('nosuch', HUB), errorId: 'ErrorManagementObjectNotFoundWithSource' },
    ]);
  });

  it('receive connectors: unknown connector or server, duplicate, malformed ranges and bindings, conflicts', async (t) => {
    await check(t, [
      { code: 'Set-ReceiveConnector Nope -Enabled $false', message: NOT_FOUND('Nope', MAIL1), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      { code: 'Set-ReceiveConnector nosuch\\Inet -Enabled $false', message: NOT_FOUND('nosuch\\Inet', MAIL1), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      { code: 'Get-ReceiveConnector -Server nosuch', message: NOT_FOUND('nosuch', MAIL1), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      {
        code: 'New-ReceiveConnector Inet -Bindings 127.0.0.1:2600',
        message: `A receive connector named 'Inet' already exists on '${MAIL1}'; choose a different name.`,
        errorId: 'ObjectAlreadyExists',
      },
      {
        code: 'Set-ReceiveConnector Inet -RemoteIPRanges 10.0.0.300',
        message:
          '"10.0.0.300" isn\'t a valid IP address range; use a single address (192.168.1.10), a range (192.168.1.10-192.168.1.20) or CIDR notation (192.168.1.0/24).',
        errorId: 'InvalidIPRange',
      },
      {
        code: 'Set-ReceiveConnector Inet -Bindings 127.0.0.1:70000',
        message: '"127.0.0.1:70000" isn\'t a valid binding; use an IP address and a port, such as 0.0.0.0:25, 127.0.0.1:2525 or [::]:25.',
        errorId: 'InvalidBinding',
      },
      {
        code: 'New-ReceiveConnector Inet2 -Bindings 127.0.0.1:2525 -RemoteIPRanges 0.0.0.0-255.255.255.255',
        message:
          'The values that you specified for the Bindings and RemoteIPRanges parameters conflict with the settings on Receive connector "Inet". ' +
          'A Receive connector must have a unique combination of a local IP address & port bindings and remote IP address ranges. Change at least one of these values.',
        errorId: 'ReceiveConnectorMappingConflict',
      },
      {
        code: 'Set-ReceiveConnector Inet -DomainSecureEnabled $true -AuthMechanism None',
        message: "The DomainSecureEnabled parameter can't be set to $True unless Transport Layer Security (TLS) is set on the AuthMechanism parameter.",
        errorId: 'DomainSecureEnabledWithoutTls',
      },
      {
        code: "Set-ReceiveConnector Inet -DomainSecureEnabled $true -AuthMechanism 'Tls, ExternalAuthoritative' -PermissionGroups ExchangeServers",
        message: "The DomainSecureEnabled parameter can't be set to $True if the AuthMechanism parameter is set to ExternalAuthoritative.",
        errorId: 'DomainSecureEnabledWithExternalAuthoritative',
      },
      { code: 'Set-ReceiveConnector Inet -RequireTLS $true -AuthMechanism None', message: 'If RequireTLS is set, TLS must also be set as an authentication mechanism.', errorId: 'RequireTLSWithoutTLS' },
      {
        code: "Set-ReceiveConnector Inet -AuthMechanism 'Tls, ExternalAuthoritative'",
        message: 'You must set the value for the PermissionGroups parameter to ExchangeServers when you set the AuthMechanism parameter to a value of ExternalAuthoritative.',
        errorId: 'ExternalAuthoritativeWithoutExchangeServerPermission',
      },
      {
        code: "Set-ReceiveConnector Inet -Banner 'Welcome'",
        message: 'The banner "Welcome" must start with "220 ", for example "220 mail.contoso.com ESMTP".',
        errorId: 'InvalidBanner',
      },
      {
        code: 'New-ReceiveConnector Partners -Bindings 127.0.0.1:2600 -Internet -Partner',
        message: 'At most one of the following parameters can be specified: -usage, -internet, -internal, -partner, -client, -custom.',
        errorId: 'NewReceiveConnectorIncorrectUsageParameters',
      },
    ]);
  });

  it('accepted domains and servers', async (t) => {
    await check(t, [
      { code: "New-AcceptedDomain Bad -DomainName 'contoso..com'", message: '"contoso..com" isn\'t a valid SMTP domain.', errorId: 'InvalidSmtpDomainName' },
      {
        code: 'New-AcceptedDomain All -DomainName *',
        message: `You can't specify the SmtpDomainWithSubdomains for property value "DomainName" to be '*'.`,
        errorId: 'StarDomainNotAllowed',
      },
      {
        code: 'New-AcceptedDomain Again -DomainName CONTOSO.com',
        message: "The domain CONTOSO.com is already accepted by accepted domain 'contoso.com'; remove it first or choose another domain.",
        errorId: 'AcceptedDomainAlreadyExists',
      },
      { code: 'Set-AcceptedDomain nosuch.com -MakeDefault', message: NOT_FOUND('nosuch.com', HUB), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      {
        setup: 'New-AcceptedDomain Mail -DomainName mail.contoso.com | Out-Null',
        code: 'Remove-AcceptedDomain contoso.com -Confirm:$false',
        message: "The default accepted domain 'contoso.com' can't be removed; make another accepted domain the default first (Set-AcceptedDomain -MakeDefault).",
        errorId: 'CannotRemoveDefaultAcceptedDomain',
      },
      { code: 'Get-ExchangeServer nosuch', message: NOT_FOUND('nosuch', HUB), errorId: 'ErrorManagementObjectNotFoundWithSource' },
      {
        code: 'New-ExchangeServer mail2.mail.contoso.com -ServerRole Edge',
        message: "A server named 'mail2' (mail2.mail.contoso.com) already exists in this organization; choose another name and FQDN.",
        errorId: 'ServerAlreadyExists',
        fullId: 'ServerAlreadyExists,Emsh.Lab.NewExchangeServer',
      },
    ]);
  });
});
