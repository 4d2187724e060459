// New-/Get-/Set-/Remove-SendConnector: the organisation's send connectors (the walkthrough's
// DNS-routed "Internet" connector among them), as the context server sees them.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import {
  getSendConnector,
  listSendConnectors,
  newSendConnector,
  removeSendConnector,
  resolveSendConnectorUsage,
  setSendConnector,
} from '../../src/store/send-connectors.ts';
import { completeSendConnector } from './exchange-completion.ts';
import { directoryInfo } from './exchange-directory.ts';
import { enumName, SendConnectorUsageEnum } from './exchange-enums.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from './exchange-module.ts';
import { sendConnectorObject, SEND_CONNECTOR_TYPE } from './exchange-objects.ts';
import { confirmedTarget, identityParameter, matchIdentity, warnIfUnchanged, writeObjects } from './exchange-object-cmdlet.ts';
import { boundChanges } from './exchange-parameters.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { attempt, changeAndReplicate, organizationContextOrFail, writeStoreError } from './exchange-state.ts';
import { sendConnectorSettings } from './send-connector-parameters.ts';
import './exchange-views.ts';

const LAB_NOTE =
  'Send connectors are organisation-level: made inside the organisation (a Hub Transport server), they reach the subscribed ' +
  'Edge servers named in SourceTransportServers through EdgeSync at once; on a subscribed Edge, changes are refused ' +
  '(CannotRunOnSubscribedEdge).';

const identity = identityParameter(completeSendConnector, 'The connector: its name (such as Internet) or GUID.');

const force = { type: 'switch', description: 'Accepted for compatibility; emsh asks no extra questions.' } as const;

const newParameters = {
  Name: { type: 'string', mandatory: true, position: 0, description: 'The connector name (1 to 64 characters, no backslash).' },
  ...sendConnectorSettings,
  AddressSpaces: { ...sendConnectorSettings.AddressSpaces, mandatory: true },
  Usage: { type: SendConnectorUsageEnum, description: 'The usage template: Custom (default), Internal, Internet or Partner.' },
  Custom: { type: 'switch', description: 'Same as -Usage Custom.' },
  Internal: { type: 'switch', description: 'Same as -Usage Internal.' },
  Internet: { type: 'switch', description: 'Same as -Usage Internet.' },
  Partner: { type: 'switch', description: 'Same as -Usage Partner (domain security on).' },
  Force: force,
} satisfies ParameterDeclarations;

const setParameters = {
  Identity: identity,
  Name: { type: 'string', description: 'A new name for the connector.' },
  ...sendConnectorSettings,
  Force: force,
} satisfies ParameterDeclarations;

export const getSendConnectorCmdlet = defineCmdlet({
  name: 'Get-SendConnector',
  synopsis: 'Gets send connectors.',
  description: `Lists the send connectors the server sees, or those matching -Identity (a name, wildcards allowed, or a GUID). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-SendConnector'),
  outputType: [SEND_CONNECTOR_TYPE],
  parameters: {
    Identity: { ...identity, mandatory: false, description: 'The connector: its name (wildcards allowed) or GUID. All connectors when omitted.' },
  },
  examples: [
    {
      title: 'The send connectors, as a table',
      setup: 'New-SendConnector Internet -AddressSpaces * -Fqdn mail.contoso.com | Out-Null',
      code: 'Get-SendConnector',
      output: 'Identity AddressSpaces Enabled\n-------- ------------- -------\nInternet {SMTP:*;1}    True',
    },
    {
      title: "Check step 3's connector: DNS routing and the FQDN on its certificate",
      setup: 'New-SendConnector Internet -AddressSpaces * -Fqdn mail.contoso.com | Out-Null',
      code: 'Get-SendConnector Internet | Format-List Name,DNSRoutingEnabled,SmartHosts,Fqdn,DomainSecureEnabled',
      output: 'Name                : Internet\nDNSRoutingEnabled   : True\nSmartHosts          : {}\nFqdn                : mail.contoso.com\nDomainSecureEnabled : False',
    },
  ],
  process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const found = matchIdentity(ctx, listSendConnectors(server), p.Identity, (c) => [c.Name, c.Guid], () => getSendConnector(server, p.Identity!));
    writeObjects(ctx, server, found, sendConnectorObject);
  },
});

export const newSendConnectorCmdlet = defineCmdlet({
  name: 'New-SendConnector',
  synopsis: 'Creates a send connector.',
  description:
    'Creates a send connector. -Usage (or one of -Custom, -Internal, -Internet, -Partner) picks the template; Partner turns ' +
    'domain security on. Connectors route by DNS unless -SmartHosts are given. Inside the organisation a new connector sends ' +
    'from the Hub Transport server it is created on unless -SourceTransportServers names other servers (the subscribed Edge ' +
    `servers, for mail that leaves through them). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('New-SendConnector'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [SEND_CONNECTOR_TYPE],
  parameters: newParameters,
  examples: [
    {
      title: 'The walkthrough\'s Internet connector: DNS routing for every domain, FQDN mail.contoso.com',
      code: 'New-SendConnector -Name Internet -Usage Internet -AddressSpaces * -Fqdn mail.contoso.com',
      output: 'Identity AddressSpaces Enabled\n-------- ------------- -------\nInternet {SMTP:*;1}    True',
    },
    {
      title: 'A partner connector sends with domain security',
      code: '(New-SendConnector Woodgrove -Partner -AddressSpaces woodgrovebank.com).DomainSecureEnabled',
      output: 'True',
    },
  ],
  async process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    let usage: string | undefined;
    try {
      usage = resolveSendConnectorUsage({
        Usage: p.Usage === undefined ? undefined : enumName(SendConnectorUsageEnum, p.Usage),
        Internet: p.Internet,
        Internal: p.Internal,
        Partner: p.Partner,
        Custom: p.Custom,
      });
    } catch (error) {
      writeStoreError(ctx, error);
      return;
    }
    if (!(await shouldProcessMessage(ctx, `Creating Send connector "${p.Name}".`))) return;
    const changes = boundChanges(p, ctx, sendConnectorSettings);
    const created = attempt(ctx, () =>
      changeAndReplicate(server, () => newSendConnector(server, { ...changes, Name: p.Name, AddressSpaces: changes.AddressSpaces, Usage: usage })),
    );
    if (created) ctx.write(sendConnectorObject(created, directoryInfo(server)));
  },
});

export const setSendConnectorCmdlet = defineCmdlet({
  name: 'Set-SendConnector',
  synopsis: 'Changes a send connector.',
  description:
    'Changes a send connector. Multi-valued properties (AddressSpaces, SmartHosts, SourceTransportServers) are replaced by a ' +
    'plain value and edited by @{Add=...; Remove=...}. Domain security (-DomainSecureEnabled $true, the Management Console\'s ' +
    '"Enable Domain Security (Mutual Auth TLS)") needs DNS routing and IgnoreSTARTTLS $false. Writes nothing; warns when ' +
    `nothing changed. ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Set-SendConnector'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: setParameters,
  examples: [
    {
      title: 'Step 3 of the walkthrough: domain security on the Internet connector',
      setup: 'New-SendConnector Internet -AddressSpaces * -Fqdn mail.contoso.com | Out-Null',
      code: 'Set-SendConnector Internet -DomainSecureEnabled:$True\n(Get-SendConnector Internet).DomainSecureEnabled',
      output: 'True',
    },
    {
      title: 'Step 5: verbose protocol logging',
      setup: 'New-SendConnector Internet -AddressSpaces * | Out-Null',
      code: 'Set-SendConnector Internet -ProtocolLoggingLevel Verbose\nGet-SendConnector | Format-List Identity,ProtocolLoggingLevel',
      output: 'Identity             : Internet\nProtocolLoggingLevel : Verbose',
    },
    {
      title: 'Every connector at once, through the pipeline',
      setup: 'New-SendConnector Internet -AddressSpaces * | Out-Null; New-SendConnector Fabrikam -AddressSpaces fabrikam.com | Out-Null',
      code: 'Get-SendConnector | Set-SendConnector -Enabled $false\nGet-SendConnector',
      output: 'Identity AddressSpaces         Enabled\n-------- -------------         -------\nInternet {SMTP:*;1}            False\nFabrikam {SMTP:fabrikam.com;1} False',
    },
  ],
  async process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const current = await confirmedTarget(ctx, () => getSendConnector(server, p.Identity!), (c) => `Setting Send connector "${c.Identity}".`);
    if (!current) return;
    const changes = boundChanges(p, ctx, setParameters, ['Identity', 'Force']);
    const updated = attempt(ctx, () => changeAndReplicate(server, () => setSendConnector(server, current.Guid, changes), (c) => c.WhenChanged !== current.WhenChanged));
    warnIfUnchanged(ctx, current, updated);
  },
});

export const removeSendConnectorCmdlet = defineCmdlet({
  name: 'Remove-SendConnector',
  synopsis: 'Removes a send connector.',
  description: `Removes a send connector (asks first: -Confirm:$false to skip the question). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Remove-SendConnector'),
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: { Identity: identity },
  examples: [
    {
      title: 'Remove a connector without being asked',
      setup: 'New-SendConnector Fabrikam -AddressSpaces fabrikam.com | Out-Null',
      code: 'Remove-SendConnector Fabrikam -Confirm:$false\n@(Get-SendConnector).Count',
      output: '0',
    },
  ],
  async process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const current = await confirmedTarget(ctx, () => getSendConnector(server, p.Identity!), (c) => `Removing Send connector "${c.Identity}".`);
    if (!current) return;
    attempt(ctx, () => changeAndReplicate(server, () => removeSendConnector(server, current.Guid)));
  },
});

export const sendConnectorCmdlets = [getSendConnectorCmdlet, newSendConnectorCmdlet, setSendConnectorCmdlet, removeSendConnectorCmdlet];
